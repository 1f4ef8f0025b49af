from nlp.furniture import furniture_spans


def _covered(text: str, word: str) -> bool:
    i = text.index(word)
    return any(a <= i < b for a, b in furniture_spans(text))


def test_footer_in_the_second_half_ends_the_article():
    text = "ตัวช่วยเหลือในการเข้าถึงเว็บไซต์\n" + "เนื้อข่าว " * 20 + "\nWCAG 2.0 (Level AA)\nกรุงเทพฯ"
    assert _covered(text, "ตัวช่วยเหลือ")
    assert not _covered(text, "เนื้อข่าว")
    assert _covered(text, "กรุงเทพฯ")


def test_a_footer_word_in_a_header_menu_hides_only_its_line():
    text = "หน้าแรก | สงวนลิขสิทธิ์\n" + "เนื้อข่าว จังหวัดตาก " * 20
    assert _covered(text, "หน้าแรก")
    assert not _covered(text, "จังหวัดตาก")


def test_a_postal_address_line_is_furniture():
    text = "ข่าว\n120 หมู่ 3 ถนนแจ้งวัฒนะ แขวงทุ่งสองห้อง เขตหลักสี่ กรุงเทพฯ 10210\nข่าว"
    assert _covered(text, "แขวงทุ่งสองห้อง")
    assert not _covered(text, "ข่าว")
