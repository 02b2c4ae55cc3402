"""How a line is normalised for matching (linter.text.normalize), and what a user sees of it."""
from __future__ import annotations

from linter import lint_text
from linter.text.normalize import normalize_line


def test_a_letter_spaced_word_is_read_as_the_word_and_columns_stay_the_users():
    norm, origin = normalize_line("选聘“法 律 明 白 人”6名")
    assert norm == "选聘“法律明白人”6名"
    # each kept character still points at its column in the line as typed
    assert [origin[norm.index(c)] for c in "律人"] == [5, 11]
    # full-width spaces too, as a PDF's heading keeps them
    assert normalize_line("法\u3000治\u3000政\u3000府")[0] == "法治政府"


def test_spaces_around_figures_stay_and_a_stray_space_inside_a_word_goes():
    assert normalize_line("一、 2023 年主要工作")[0] == "一、 2023 年主要工作"
    assert normalize_line("镇长  张某")[0] == "镇长  张某"
    # a PDF's conversion leaves a space inside a word: the word is read whole
    norm, origin = normalize_line("一、2024年法治政府建设工作思 路")
    assert norm == "一、2024年法治政府建设工作思路"
    assert origin[norm.index("路")] == 17


def test_a_heading_broken_by_a_stray_space_is_still_its_part():
    text = "\n".join(["某镇2023年度法治政府建设情况报告", "一、2023年法治政府建设主要举措和成效", "全年开展普法活动6次。",
                      "二、2024年法治政府建设工作思 路", "一是加强培训。"])
    assert lint_text(text).checklist["section.plan"].state == "present"


def test_a_letter_spaced_item_in_a_report_is_found():
    text = "\n".join(["某镇2024年度法治政府建设情况报告", "一、2024年推进法治政府建设的主要举措和成效",
                      "街道为每个社区选聘“法 律 明 白 人”5至8名，全年累计参与调解纠纷43件。",
                      "二、存在的不足和原因", "一是培训不足。"])
    assert lint_text(text).checklist["popularization.legal-literate"].state == "present"


def test_a_variant_form_an_ocr_pass_left_is_read_as_the_common_character():
    norm, origin = normalize_line("依托村级“法律眀白人”参与调处矛盾纠纷37起")
    assert "法律明白人" in norm and origin == list(range(len(norm) + 1))
    text = "\n".join(["某镇2024年度法治政府建设情况报告", "一、2024年推进法治政府建设的主要举措和成效",
                      "全镇培育“法律眀白人”86名，全年参与调处矛盾纠纷37起。",
                      "二、存在的不足和原因", "一是培训不足。"])
    assert lint_text(text).checklist["popularization.legal-literate"].state == "present"
