"""Block splitting, page-break repair and body content recognition."""

from __future__ import annotations

from generator.model import BulletList, Paragraph, SubHeading
from generator.parse.blocks import bullet_text, content_blocks, split_blocks


def test_blocks_keep_their_line_numbers():
    blocks = split_blocks("\n\nEtt\nTvå\n\n\nTre.\n")
    assert [(b.lines, b.line) for b in blocks] == [(("Ett", "Två"), 3), (("Tre.",), 7)]


def test_page_break_inside_sentence_is_joined():
    blocks = split_blocks("Det finns flera satsningar inom både\n\n\n\nrestaurang och den gröna näringen.\n")
    assert [b.lines for b in blocks] == [("Det finns flera satsningar inom både restaurang och den gröna näringen.",)]


def test_complete_sentence_or_capital_start_is_not_joined():
    assert len(split_blocks("En mening.\n\nfortsätter inte.\n")) == 2
    assert len(split_blocks("En rad utan punkt\n\nNy mening börjar.\n")) == 2


def test_bullet_markers():
    assert bullet_text("- text") == "text"
    assert bullet_text("- * text") == "text"
    assert bullet_text("-Ungdomar som ingår") == "Ungdomar som ingår"
    assert bullet_text("• punkt") == "punkt"
    # an en dash opens a quotation in Swedish prose, not a list
    assert bullet_text("– Vi behöver arbeta regionalt") is None
    assert bullet_text("-18 grader") is None


def test_content_blocks_heading_then_paragraph_in_one_block():
    [block] = split_blocks("Likvärdig statistik\nChefsnätverket uppmärksammade vid årets början att det saknas statistik.")
    assert [type(b) for b in content_blocks(block)] == [SubHeading, Paragraph]


def test_content_blocks_bullets_and_continuation():
    [block] = split_blocks("Inledning till listan:\n- ett\n- två som fortsätter\npå nästa rad\nEfter listan.")
    result = content_blocks(block)
    assert isinstance(result[0], Paragraph)
    assert isinstance(result[1], BulletList) and result[1].items == ("ett", "två som fortsätter på nästa rad")
    assert isinstance(result[2], Paragraph) and result[2].text == "Efter listan."


def test_short_sentence_is_not_a_heading():
    [block] = split_blocks("Se bilaga 2.")
    assert content_blocks(block) == [Paragraph("Se bilaga 2.", 1)]
