"""Sites that are not sites visited: names run on into their clause, and places listed as
examples of a kind (issue 9, precision on unseen posts)."""

from nlp import extract

LEAD = "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี ผู้ตรวจราชการกระทรวง"


def sites(text: str) -> list[str]:
    return [f.value for f in extract(text).of("site")]


def test_a_name_glued_to_the_verb_of_its_clause_ends_where_its_clean_writing_does():
    # a news post's shape: the market named once apart, once glued to the verb that follows
    text = (
        f"{LEAD} ลงพื้นที่ตลาดบางคล้า ตำบลบางคล้า อำเภอบางคล้า เพื่อตรวจมาตรการป้องกันโรค"
        " ทั้งนี้ ตลาดบางคล้าคุมเข้มมาตรการคัดกรองผู้ค้าและผู้ซื้อทุกคน"
    )
    assert sites(text) == ["ตลาดบางคล้า"]


def test_a_name_with_its_province_glued_is_not_cut_to_a_shorter_writing():
    # "ณ สำนักงาน… ยโสธร" after the same office written without its province
    text = (
        f"{LEAD} ตรวจเยี่ยมศูนย์ดำรงธรรม อำเภอเมืองยโสธร และเยี่ยมชมศูนย์ดำรงธรรมจังหวัดยโสธร อำเภอเมืองยโสธร"
    )
    assert "ศูนย์ดำรงธรรมจังหวัดยโสธร" in sites(text)


def test_places_given_as_examples_of_a_kind_are_not_visited():
    # a speech's shape: what the province has, with examples, after the visit itself
    text = (
        f"{LEAD} ตรวจเยี่ยมโรงเรียนบ้านนาดี ตำบลนาดี อำเภอเมืองสุโขทัย"
        "\nจังหวัดสุโขทัยมีแหล่งท่องเที่ยวทางประวัติศาสตร์ที่น่าสนใจ เช่น อุทยานประวัติศาสตร์ศรีสัชนาลัย"
        " วัดพระศรีรัตนมหาธาตุ เป็นต้น"
    )
    assert sites(text) == ["โรงเรียนบ้านนาดี"]


def test_examples_led_by_a_visit_word_are_visited():
    text = f"{LEAD} ลงพื้นที่ตรวจเยี่ยมสถานศึกษาในพื้นที่ เช่น โรงเรียนบ้านนาดี ตำบลนาดี อำเภอเมืองสุโขทัย"
    assert "โรงเรียนบ้านนาดี" in sites(text)


def test_an_example_list_ends_at_the_place_written_after_na():
    # "หน่วยงานที่เกี่ยวข้อง เช่น กทม. ตำรวจ ร่วมสำรวจเส้นทาง ณ วัด…": the agencies are the
    # examples, the temple is where they went
    text = f"{LEAD} พร้อมหน่วยงานที่เกี่ยวข้อง เช่น กทม. ตำรวจ ร่วมสำรวจเส้นทาง ณ วัดเสมียนนารี เขตจตุจักร"
    assert "วัดเสมียนนารี" in sites(text)


def test_a_type_word_followed_by_a_grammatical_word_names_no_place():
    # a report's shape: "พบว่าโรงเรียนส่วนใหญ่จัดอาหารกลางวันให้เด็กได้ดี" (most schools…)
    text = f"{LEAD} ลงพื้นที่ติดตามโครงการอาหารกลางวัน พบว่าโรงเรียนส่วนใหญ่จัดอาหารกลางวันให้เด็กได้ดี"
    assert sites(text) == []


def test_a_name_that_begins_with_a_noun_of_the_stopword_list_is_a_name():
    text = f"{LEAD} เยี่ยมชมวิสาหกิจชุมชนกลุ่มกาแฟถ้ำสิงห์ ตำบลถ้ำสิงห์ อำเภอเมืองชุมพร"
    assert sites(text) == ["วิสาหกิจชุมชนกลุ่มกาแฟถ้ำสิงห์"]


def test_a_name_ends_before_a_grammatical_word_glued_to_it():
    # "…รพ.สต.วัดไทรจนถึงชุมชน": the care network reaches the community, not a longer name
    text = f"{LEAD} ลงพื้นที่ตรวจเยี่ยมโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนาดีจนถึงชุมชนรอบข้าง"
    assert sites(text) == ["โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านนาดี"]


def test_a_grammatical_word_in_brackets_or_a_company_name_is_kept():
    text = f"{LEAD} ลงพื้นที่ตรวจเยี่ยมอุทยานวิทยาศาสตร์หว้ากอ (ชื่อเดิมในสมัยนั้น) อำเภอเมืองประจวบคีรีขันธ์"
    assert sites(text) == ["อุทยานวิทยาศาสตร์หว้ากอ (ชื่อเดิมในสมัยนั้น)"]


def test_a_temple_that_names_a_community_is_not_a_site_of_its_own():
    # a ministry post's shape: families helped "in the community of wat X", not at the temple
    text = f"{LEAD} ลงพื้นที่ช่วยเหลือครอบครัวผู้ประสบปัญหาทางสังคม ในชุมชนวัดกก เขตบางขุนเทียน กรุงเทพมหานคร"
    assert "วัดกก" not in sites(text)


def test_a_village_whose_name_is_a_grammatical_word_is_a_village():
    text = f"{LEAD} เยี่ยมเยียนประชาชน ณ หมู่ 10 บ้านช่วง ตำบลปงยางคก อำเภอห้างฉัตร"
    assert "บ้านช่วง" in sites(text)


def test_a_name_cut_before_its_village_name_does_not_cut_the_whole_name():
    text = (
        f"{LEAD} ณ ศูนย์ฝึกและอบรมเด็กและเยาวชนชายบ้าน อำเภอพุทธมณฑล"
        "\nเยี่ยมชมศูนย์ฝึกและอบรมเด็กและเยาวชนชายบ้านอุเบกขา อำเภอพุทธมณฑล"
    )
    assert "ศูนย์ฝึกและอบรมเด็กและเยาวชนชายบ้านอุเบกขา" in sites(text)


def test_bare_type_words_in_a_row_are_kinds_of_place_not_a_hosted_site():
    # the บวร slogan of many posts: "home, temple, school" working together
    text = f"{LEAD} ลงพื้นที่ขับเคลื่อนด้วยพลังบวร (บ้าน วัด โรงเรียน) ในจังหวัดลำพูน"
    assert sites(text) == []


def test_a_centre_hosted_by_a_named_temple_is_still_a_site():
    text = f"{LEAD} ตรวจเยี่ยมศูนย์ดิจิทัลชุมชน วัดบูรพา ต.ทุ่งแต้ อ.เมือง จ.ยโสธร"
    assert sites(text) != []


def test_a_programme_of_places_is_a_kind_of_place():
    # the Ministry of Education's posts: "ลงพื้นที่… ขับเคลื่อนโรงเรียนคุณธรรม" (the moral-school programme)
    text = f"{LEAD} ลงพื้นที่จังหวัดสุราษฎร์ธานี เพื่อร่วมขับเคลื่อนโครงการโรงเรียนคุณธรรม"
    assert sites(text) == []
