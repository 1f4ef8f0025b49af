"""Officials: each honorific family of issue #3, names split, positions cut where they end."""

import pytest

from nlp import extract


def officials(text: str) -> list[tuple[str, str | None]]:
    return [(f.value, f.attrs["position"]) for f in extract(text).of("official")]


@pytest.mark.parametrize(
    ("written", "given", "surname"),
    [
        ("นายภูเวียง ประคำมินทร์", "ภูเวียง", "ประคำมินทร์"),
        ("นางปิยนุช วุฒิสอน", "ปิยนุช", "วุฒิสอน"),
        ("นางสาวตรีนุช เทียนทอง", "ตรีนุช", "เทียนทอง"),
        ("ดร. ชมภารี ชมภูรัตน์", "ชมภารี", "ชมภูรัตน์"),
        ("ผศ.(พิเศษ) นพ.พลวรรธน์ วิทูรกลชิต", "พลวรรธน์", "วิทูรกลชิต"),
        ("รศ.ดร.สมหญิง รักเรียน", "สมหญิง", "รักเรียน"),
        ("ศ.นพ.สมชาย ใจดี", "สมชาย", "ใจดี"),
        ("ดร.นพ.ปองพล วรปาณิ", "ปองพล", "วรปาณิ"),
        ("พล.อ.อ.ประจิน จั่นตอง", "ประจิน", "จั่นตอง"),
        ("พลอากาศเอก ประจิน จั่นตอง", "ประจิน", "จั่นตอง"),
        ("พลเอกประยุทธ์ จันทร์โอชา", "ประยุทธ์", "จันทร์โอชา"),
        ("พ.ต.ท.อนุรักษ์ จิรจิตร", "อนุรักษ์", "จิรจิตร"),
        ("พล.ต.อ.อัศวิน ขวัญเมือง", "อัศวิน", "ขวัญเมือง"),
        ("น.อ.สมศักดิ์ ขาวสุวรรณ์", "สมศักดิ์", "ขาวสุวรรณ์"),
        ("ร้อยเอกธรรมนัส พรหมเผ่า", "ธรรมนัส", "พรหมเผ่า"),
        ("ว่าที่ร้อยตรีอนันต์ ชัยมงคล", "อนันต์", "ชัยมงคล"),
        ("นายสวนิต สุริยกุล ณ อยุธยา", "สวนิต", "สุริยกุล ณ อยุธยา"),
    ],
)
def test_honorific_families(written, given, surname):
    ex = extract(f"วันที่ 5 มีนาคม 2566 {written} ผู้อำนวยการกองกลาง ลงพื้นที่ตรวจเยี่ยม")
    (fact,) = ex.of("official")
    assert fact.value == written
    assert (fact.attrs["given"], fact.attrs["surname"]) == (given, surname)
    assert fact.attrs["person"] == f"{given} {surname}"
    assert fact.attrs["position"] == "ผู้อำนวยการกองกลาง"


def test_position_is_cut_where_its_clause_ends():
    text = (
        "พล.อ.อ.ประจิน จั่นตอง รองนายกรัฐมนตรีและรมว.ยุติธรรม ในฐานะกำกับดูแลกระทรวงดิจิทัล "
        "นายขัตติยะ แพนเดช ผู้ตรวจราชการกรม กรมการจัดหางาน และหัวหน้าส่วนราชการ ลงพื้นที่ "
        "นพ.กฤษณะ แก้วมูล รองนายแพทย์สาธารณสุขจังหวัดสุโขทัย (ด้านเวชกรรมป้องกัน) เจ้าหน้าที่สาธารณสุข"
    )
    assert officials(text) == [
        ("พล.อ.อ.ประจิน จั่นตอง", "รองนายกรัฐมนตรีและรมว.ยุติธรรม"),
        ("นายขัตติยะ แพนเดช", "ผู้ตรวจราชการกรม กรมการจัดหางาน"),
        ("นพ.กฤษณะ แก้วมูล", "รองนายแพทย์สาธารณสุขจังหวัดสุโขทัย (ด้านเวชกรรมป้องกัน)"),
    ]


def test_names_glued_by_equals_and_a_quoted_nickname():
    text = (
        "พ.ต.ท.อนุรักษ์ จิรจิตร “รองเอ็ด” ที่ปรึกษา รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"
        "=นายชิงชัย ก่อประภากิจ อดีตสมาชิกวุฒิสภา หลายสมัย พร้อมคณะ"
    )
    assert officials(text) == [
        (
            "พ.ต.ท.อนุรักษ์ จิรจิตร",
            "ที่ปรึกษา รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
        ),
        ("นายชิงชัย ก่อประภากิจ", "อดีตสมาชิกวุฒิสภา"),
    ]


def test_names_sharing_one_position_written_after_the_last():
    text = "โดยมีนายเอกภัทร วังสุวรรณ นายบรรจง สุกรรฑา นางสาวณัฏฐิฐา เนตยสุภา รองปลัดกระทรวงอุตสาหกรรม"
    assert officials(text) == [
        ("นายเอกภัทร วังสุวรรณ", None),
        ("นายบรรจง สุกรรฑา", None),
        ("นางสาวณัฏฐิฐา เนตยสุภา", "รองปลัดกระทรวงอุตสาหกรรม"),
    ]


def test_same_person_twice_is_one_official_with_whitespace_collapsed():
    text = (
        "ร่วมต้อนรับนายชัยวุฒิ  ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
        "จากนั้น นายชัยวุฒิ ธนาคมานุสรณ์ ได้ตรวจเยี่ยมสถานีเรดาร์"
    )
    ex = extract(text)
    (fact,) = ex.of("official")
    assert fact.value == "นายชัยวุฒิ ธนาคมานุสรณ์"
    assert fact.surface == "นายชัยวุฒิ  ธนาคมานุสรณ์"
    assert fact.attrs["mentions"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "นายกรัฐมนตรี ลงพื้นที่ตรวจราชการ ณ จังหวัดสมุทรสงคราม",  # a title, no name
        "นายอำเภอแม่สอด หัวหน้าส่วนราชการ และผู้เกี่ยวข้อง ร่วมประชุม",
        "นายแพทย์สาธารณสุขจังหวัด ให้การต้อนรับ",
        "นายเศรษฐา เป็นประธานเปิดการอบรม",  # a given name only
        "ผู้ว่า กทม. เตรียมพร้อมป้องกันน้ำท่วม",
    ],
)
def test_a_person_with_no_full_name_yields_no_official(text):
    assert extract(text).of("official") == []


def test_hospital_names_are_not_people():
    text = "ได้แก่ โรงพยาบาลนางรอง โรงพยาบาลลำปลายมาศ และโรงพยาบาลประโคนชัย"
    assert extract(text).of("official") == []


def test_a_bare_name_followed_by_a_position_is_an_official():
    text = "โดยมี สมชาย ใจดี ผู้ว่าราชการจังหวัดตาก ให้การต้อนรับ"
    assert officials(text) == [("สมชาย ใจดี", "ผู้ว่าราชการจังหวัดตาก")]


def test_two_words_before_a_title_are_not_a_name_unless_the_first_is_a_given_name():
    assert officials("ขอบคุณ ประชาชน ผู้ว่าราชการจังหวัดตาก ได้กล่าว") == []


def test_surnames_that_start_like_a_verb_are_still_surnames():
    text = "ร่วมกับ นางสุดา มีสุข ผู้ใหญ่บ้าน และนายสมศักดิ์ ร่วมใจ กำนันตำบล"
    assert [name for name, _ in officials(text)] == ["นางสุดา มีสุข", "นายสมศักดิ์ ร่วมใจ"]
