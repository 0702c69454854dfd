"""A named unit's role in the one row an answer gives, said first when the question asks for it as a
verdict ("省目标清单第12项中省生态环境厅是牵头还是参与？" → "省生态环境厅是该项的参与单位，不是牵头单位。"):
the row's columns alone leave the official to find the unit in them.

The verdict is read off the row's own lead and participant columns; a unit in neither is said to be in
neither (never guessed), and a row of a list with one column of who answers (责任单位) names that column.

>>> from ingest.types import Record, Unit
>>> r = Record(doc_id="d", list_name="目标清单", item_no="12", item_no_assigned=False, text="…",
...            lead_units=[Unit("省交通运输厅", "省交通运输厅", "省")],
...            participant_units=[Unit("省公安厅", "省公安厅", "省"), Unit("省生态环境厅", "省生态环境厅", "省")])
>>> RoleVerdict.asked("省目标清单第12项中省生态环境厅是牵头还是参与？")
True
>>> RoleVerdict().run(r, {"省生态环境厅": "省生态环境厅"}).sentence
'省生态环境厅是该项的参与单位，不是牵头单位。'
>>> RoleVerdict().run(r, {"省交通运输厅": "省交通运输厅", "省财政厅": "省财政厅"}).sentence
'省交通运输厅是该项的牵头单位；该项的牵头单位和参与单位中未列出所问的单位。'
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ingest.types import Record, Unit

#: a unit's role asked as a verdict: a choice between the two columns ("是牵头还是参与", "是参与单位还是牵头
#: 单位"), or one of them asked yes/no ("是牵头单位吗", "是否参与", "算不算参与单位", "是责任单位吗", "是否由X牵
#: 头", "是不是X牵头的", "是X牵头的吗") — not "谁牵头" (the column)
_ROLE = r"(?:牵头|参与|责任)(?:单位|部门|方)?"
ROLE_ASKED = re.compile(rf"(?:是|作为|属于){_ROLE}还是{_ROLE}|(?:是|作为|算)(?:不是|不算)?{_ROLE}(?:吗|么|嘛)"
                        rf"|是否(?:是|为|作为)?{_ROLE}|(?:是不是|算不算){_ROLE}|有没有{_ROLE}"
                        rf"|(?:是否|是不是)由?[^？?，,]{{2,24}}?(?:牵头|负责)|是[^？?，,]{{2,24}}?牵头的(?:吗|么|嘛)")


#: a unit that names a body of units, not one ("市直相关单位", "各县（市、区）政府", "有关部门"): a unit asked may be
#: among them, so a row listing one is not said to leave the unit out
COLLECTIVE = re.compile(r"相关|有关|各")


@dataclass
class Verdict:
    """The sentence that says each asked unit's role, and the roles by unit (lead | participant | none)."""

    sentence: str
    roles: dict[str, str]


class RoleVerdict:
    """Says, for each unit a question names, whether one row lists it as lead, as participant, or not at
    all (see the module's example)."""

    @staticmethod
    def asked(question: str) -> bool:
        """Whether ``question`` asks a unit's role as a verdict (:data:`ROLE_ASKED`)."""
        if not isinstance(question, str):
            raise TypeError("question must be a string")
        return bool(ROLE_ASKED.search(question))

    def run(self, row: Record, units: Mapping[str, str]) -> Verdict:
        """The verdict on ``units`` (each unit's key → its name as the question writes it) in ``row``: a
        unit the row lists is named as the row writes it, one it does not is not named; an empty
        sentence when no unit is given."""
        if not isinstance(row, Record):
            raise TypeError("row must be a Record")
        if not isinstance(units, Mapping):
            raise TypeError("units must map a unit's key to its name as asked")
        lead_label = row.lead_label or "牵头单位"
        said, roles = [], {}
        for key, asked in units.items():
            if lead := _holding(row.lead_units, key):
                roles[key] = "lead"
                said.append(f"{lead.name}是该项的{lead_label}")
            elif part := _holding(row.participant_units, key):
                roles[key] = "participant"
                said.append(f"{part.name}是该项的参与单位，不是{lead_label}")
            else:
                roles[key] = "none"
                cols = f"{lead_label}和参与单位" if row.participant_units or lead_label == "牵头单位" else lead_label
                # (not named: the verifier finds every department an answer names in a passage it cites; a cell
                # the row fills with words, not units — "市直相关单位", "待国家分工明确后确定" —, is quoted: the
                # unit may stand under it, so the row is not said to leave it out)
                notes = [n for n in (row.lead_note, row.participant_note) if n] + [
                    u.name for u in (*row.lead_units, *row.participant_units) if COLLECTIVE.search(u.name)]
                said.append(f"该项的{cols}中未列出所问的单位" + (f"（另写有“{'；'.join(notes)}”）" if notes else ""))
        return Verdict("；".join(said) + "。" if said else "", roles)


def _holding(column: Sequence[Unit], key: str) -> Unit | None:
    """The unit of a row's column with ``key`` (its normalised key, or its name as written), or None."""
    return next((u for u in column if key in (u.key, u.name)), None)
