"""policy-qa user-facing entry points (CLI; web app to come)."""
