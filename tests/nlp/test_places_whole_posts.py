"""Provinces on whole posts: only where the visit went, not the provinces a programme lists,
that will receive aid, or that a statistic counts."""

from __future__ import annotations

from nlp import extract
from tests.nlp.helpers import values

LEAD = (
    "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย ลงพื้นที่ตรวจเยี่ยม"
    "ผู้ประสบอุทกภัย ณ ศาลากลางจังหวัดน่าน\n"
)


def test_provinces_that_will_receive_aid_are_not_visited():
    text = LEAD + (
        "ทั้งนี้ กระทรวงได้จัดสรรงบประมาณช่วยเหลือผู้ประสบภัยเพิ่มเติมใน 4 จังหวัด ได้แก่ "
        "จังหวัดแพร่ อุตรดิตถ์ พะเยา และสุโขทัย\n"
    )
    assert values(extract(text), "province") == ["น่าน"]


def test_provinces_a_statistic_counts_are_not_visited():
    text = LEAD + ("สำหรับจังหวัดที่มีผู้ลงทะเบียนสูงสุด คือ 1. จังหวัดแพร่ 4,034 ราย 2. จังหวัดพะเยา 3,125 ราย\n")
    assert values(extract(text), "province") == ["น่าน"]


def test_a_list_of_provinces_the_visit_went_to_is_kept():
    text = (
        "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย ลงพื้นที่ตรวจเยี่ยม"
        "ผู้ประสบอุทกภัย 3 จังหวัด ได้แก่ จังหวัดแพร่ น่าน และพะเยา\n"
    )
    assert values(extract(text), "province") == ["แพร่", "น่าน", "พะเยา"]


VISIT = "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย ลงพื้นที่ตรวจเยี่ยม"


def test_a_venue_before_a_spaced_district_is_not_a_title():
    # "วิทยาลัยการปกครอง" ends in รอง (deputy) only by its letters
    text = VISIT + "ผู้เข้าอบรม ณ วิทยาลัยการปกครอง อำเภอธัญบุรี จังหวัดปทุมธานี\n"
    assert values(extract(text), "district") == ["ธัญบุรี"]


def test_a_province_listed_after_nakhon_nayok_is_not_behind_a_title():
    # จังหวัดนครนายก ends in นายก (mayor) only by its letters
    text = VISIT + "ผู้ประสบอุทกภัยในจังหวัดนครนายก ปราจีนบุรี และฉะเชิงเทรา\n"
    assert values(extract(text), "province") == ["นครนายก", "ปราจีนบุรี", "ฉะเชิงเทรา"]


def test_an_alias_glued_to_a_name_is_part_of_the_name():
    text = LEAD + ("โดยได้รับการสนับสนุนจากธนาคารกรุงเทพ และมหาวิทยาลัยเทคโนโลยีราชมงคลกรุงเทพ\n")
    assert values(extract(text), "province") == ["น่าน"]


def test_an_era_named_after_a_capital_is_no_place():
    text = LEAD + "ชุมชนนี้มีประวัติย้อนไปถึงสมัยอยุธยา\n"
    assert values(extract(text), "province") == ["น่าน"]


def test_an_alias_after_a_locative_is_a_place():
    text = VISIT + "ผู้ประสบภัยในกรุงเทพฯ\n"
    assert values(extract(text), "province") == ["กรุงเทพมหานคร"]


def test_a_lineage_surname_is_not_a_place():
    # footer credits of real posts: "ปริยรณ พรหมสาขา ณ สกลนคร - ภาพ/"
    text = LEAD + "กองเผยแพร่และประชาสัมพันธ์/\nชนินทร เพ็ชรทับ - ข่าว/\nปริยรณ พรหมสาขา ณ สกลนคร - ภาพ/\n"
    assert values(extract(text), "province") == ["น่าน"]


def test_na_after_an_event_word_is_at():
    text = "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย เป็นประธานการประชุม ณ สงขลา\n"
    assert values(extract(text), "province") == ["สงขลา"]


def test_the_extent_of_granted_land_is_not_visited():
    text = (
        "วันที่ 11 พฤศจิกายน 2562 ณ โรงยิมเนเซียม จังหวัดราชบุรี นายกรัฐมนตรีเป็นประธานมอบหนังสือ"
        "อนุญาตให้เข้าทำประโยชน์ในเขตป่าสงวนแห่งชาติ ป่าเขาพระฤาษี ท้องที่ตำบลท่าขนุน และตำบล"
        "เขาชะแล อำเภอทองผาภูมิ ตำบลปรังเผล อำเภอสังขละบุรี จังหวัดกาญจนบุรี\n"
    )
    ex = extract(text)
    assert values(ex, "district") == []
    assert values(ex, "subdistrict") == []
    assert values(ex, "province") == ["ราชบุรี", "กาญจนบุรี"]


def test_the_subdistricts_a_park_covers_are_not_visited():
    text = VISIT + (
        "อุทยานแห่งชาติถ้ำหลวง อำเภอแม่สาย จังหวัดเชียงราย\nอุทยานมีเนื้อที่ประมาณ 12,000 ไร่ "
        "ครอบคลุมท้องที่ตำบลห้วยไคร้ ตำบลโป่งผา และตำบลเวียงพางคำ อำเภอแม่สาย จังหวัดเชียงราย\n"
    )
    ex = extract(text)
    assert values(ex, "subdistrict") == []
    assert values(ex, "district") == ["แม่สาย"]


def test_a_hyphenated_district_name_is_read_whole():
    text = VISIT + "ด่านศุลกากร อำเภอสุไหงโก-ลก จังหวัดนราธิวาส\n"
    assert values(extract(text), "district") == ["สุไหงโก-ลก"]


def test_a_list_after_what_it_is_made_of_is_an_enumeration():
    # "ประกอบด้วย" then what is counted, then the provinces (a training's participants)
    text = LEAD + ("การอบรมครั้งนี้มีผู้เข้าร่วม ประกอบด้วยสถานประกอบกิจการในจังหวัดชัยภูมิ บุรีรัมย์ สุรินทร์ และยโสธร\n")
    assert values(extract(text), "province") == ["น่าน"]


def test_a_list_followed_by_a_count_is_an_enumeration():
    text = LEAD + "ผู้เข้าอบรมเป็นแรงงานในจังหวัดแพร่ พะเยา และลำปาง จำนวน 120 คน\n"
    assert values(extract(text), "province") == ["น่าน"]


def test_a_list_after_another_place_is_not_led_by_the_visit_word():
    # the visit word leads สระแก้ว; the neighbours listed after it are the target group
    text = (
        "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงอุตสาหกรรม ลงพื้นที่ครั้งนี้ "
        "มีเป้าหมายที่จังหวัดสระแก้ว จังหวัดใกล้เคียง ได้แก่ จังหวัดนครนายก ปราจีนบุรี จันทบุรี "
        "และตราด\n"
    )
    assert values(extract(text), "province") == ["สระแก้ว"]


def test_districts_listed_after_a_count_are_an_enumeration():
    text = VISIT + (
        "โรงเรียนอนุกูล อำเภอแม่สอด จังหวัดตาก ซึ่งรับนักเรียนมาจาก 4 อำเภอชายแดน ได้แก่ "
        "อำเภออุ้มผาง อำเภอพบพระ อำเภอแม่ระมาด และอำเภอท่าสองยาง\n"
    )
    assert values(extract(text), "district") == ["แม่สอด"]


def test_a_place_with_an_approximate_quantity_is_a_statistic():
    text = LEAD + "ปริมาณน้ำที่ไหลผ่านจังหวัดนครสวรรค์ ประมาณ 1,000 ลบ.ม./วินาที\n"
    assert values(extract(text), "province") == ["น่าน"]


def test_a_bare_province_ending_a_venue_address_is_where_the_event_was():
    text = (
        "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย เป็นประธานการประชุม"
        "ผู้ว่าราชการ ณ ห้องราชาบอลรูม ชั้น 11 โรงแรมปริ๊นซ์ พาเลซ กรุงเทพมหานคร\n"
    )
    assert values(extract(text), "province") == ["กรุงเทพมหานคร"]


def test_a_bare_province_after_the_venue_clause_is_not_its_address():
    text = (
        "วันที่ 5 มีนาคม 2566 นายสมชาย ใจดี รัฐมนตรีว่าการกระทรวงมหาดไทย เป็นประธานการประชุม"
        " ณ ศาลากลางจังหวัดน่าน โดยมีผู้แทนชุมชน เชียงใหม่ ร่วมด้วย\n"
    )
    assert values(extract(text), "province") == ["น่าน"]


def test_the_address_of_the_officials_own_office_is_not_visited():
    # a visit post recalling an event held at Government House
    text = LEAD + "ทั้งนี้ กระทรวงได้จัดงานวันต่อต้านการค้ามนุษย์ ณ ทำเนียบรัฐบาล กรุงเทพฯ เมื่อเดือนที่ผ่านมา\n"
    assert values(extract(text), "province") == ["น่าน"]


def test_the_numbered_rows_of_a_list_are_an_enumeration():
    text = LEAD + (
        "กรมชลประทานได้เตรียมความพร้อมป้องกันอุทกภัยใน 3 จังหวัด คือ 1) จ.ตรัง มีพื้นที่เฝ้าระวัง "
        "3 จุด มีเครื่องสูบน้ำ 16 เครื่อง 2) จ.พัทลุง มีพื้นที่เฝ้าระวัง 2 จุด และ 3) จ.สตูล "
        "มีพื้นที่เฝ้าระวัง 4 จุด\n"
    )
    assert values(extract(text), "province") == ["น่าน"]


def test_two_provinces_after_a_marker_are_an_enumeration():
    text = LEAD + "โดยจังหวัดได้ประกาศเขตการให้ความช่วยเหลือแล้ว 2 จังหวัด คือ จังหวัดแพร่ และพะเยา\n"
    assert values(extract(text), "province") == ["น่าน"]
