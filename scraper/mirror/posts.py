"""The mirror's posts: written for this project in the style of the ministry's inspection-visit
news, generated deterministically from the small tables below, each with its ground truth.

Places are real (districts and subdistricts come from `geothai`); people and villages are
invented, except the seed post (/work/shared/seed), which is reproduced as the project began with
it. Tests compare what a crawl stored, or what extraction found, against `Post.truth`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

import geothai
from pythainlp.util import arabic_digit_to_thai_digit
from pythainlp.util.date import thai_abbr_months, thai_full_months

from nlp.buddhist_era import buddhist_year

CATEGORIES: dict[str, str] = {
    "115": "ข่าวกิจกรรมผู้บริหาร",
    "119": "ข่าวผู้ตรวจราชการกระทรวง",
    "3": "ข่าวประชาสัมพันธ์",
    "7": "ประกาศรับสมัครงาน",
}
MINISTRY = "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"


@dataclass(frozen=True)
class Official:
    name: str  # with honorific, rank or academic title, as written
    position: str  # may contain {province} / {district}
    category: str


#: Invented people (except the seed's); honorifics and ranks vary on purpose.
OFFICIALS = [
    Official("นางปิยนุช วุฒิสอน", f"ผู้ตรวจราชการ{MINISTRY}", "119"),
    Official("นายวิชัย ลิ้มสกุลทอง", f"ผู้ตรวจราชการ{MINISTRY}", "119"),
    Official("นางสาววรรณภา ศรีสุวรรณกุล", f"ผู้ตรวจราชการ{MINISTRY}", "119"),
    Official("ว่าที่ร้อยตรีสุรชัย ทองคำพันธุ์", f"ผู้ตรวจราชการ{MINISTRY}", "119"),
    Official("ดร.ธนากร เรืองศรีสกุล", f"รองปลัด{MINISTRY}", "115"),
    Official("นายประสิทธิ์ มณีโชติวงศ์", f"ปลัด{MINISTRY}", "115"),
    Official("พล.อ.ชาตรี บุญประเสริฐวงศ์", f"ที่ปรึกษารัฐมนตรีว่าการ{MINISTRY}", "115"),
    Official("ผศ.ดร.กมลวรรณ จันทร์เพ็ญศรี", f"ผู้ช่วยรัฐมนตรีประจำ{MINISTRY}", "115"),
    Official("พ.ต.ท.วีระพงษ์ แก้วมณีรัตน์", f"เลขานุการรัฐมนตรีว่าการ{MINISTRY}", "3"),
    Official("นางอรุณี พงษ์สวัสดิ์ชัย", "ผู้อำนวยการกองยุทธศาสตร์และแผนงาน", "3"),
    Official("นายกิตติพงษ์ สุขเกษม", "ผู้อำนวยการสำนักงานดิจิทัลเพื่อเศรษฐกิจและสังคมจังหวัด{province}", "3"),
    Official("ร.ต.อ.ณัฐพล ชัยมงคล", "ผู้อำนวยการศูนย์ปฏิบัติการต่อต้านข่าวปลอม", "3"),
]
#: Local officials who receive the visitors; their titles name places that are not visit places.
HOSTS = [
    Official("นางสาวสุภาพร ใจงามดี", "สถิติจังหวัด{province}", ""),
    Official("นายธีรวัฒน์ พรหมสุวรรณ", "นายอำเภอ{district}", ""),
    Official("นางจันทร์เพ็ญ อินทร์แก้ว", "ผู้อำนวยการสำนักงานสถิติจังหวัด{province}", ""),
    Official("นายสุเมธ ศักดิ์ดีวงศ์", "นายกองค์การบริหารส่วนตำบล{subdistrict}", ""),
]
PROVINCES = [
    "เชียงใหม่", "ขอนแก่น", "สงขลา", "น่าน", "อุบลราชธานี", "ระยอง", "พิษณุโลก", "นครราชสีมา",
    "สุราษฎร์ธานี", "บุรีรัมย์", "ลำปาง", "ตราด", "ชัยภูมิ", "กาญจนบุรี", "นครศรีธรรมราช",
    "แม่ฮ่องสอน", "อุดรธานี", "จันทบุรี", "ยโสธร", "ปัตตานี", "ราชบุรี", "นครพนม", "กระบี่",
    "ตาก", "อ่างทอง",
]  # fmt: skip
VILLAGES = [
    "หนองบัว", "โนนสว่าง", "ดอนแก้ว", "ป่าแดง", "ห้วยทราย", "นาคำ", "โคกสูง", "สันติสุข",
    "ทุ่งใหญ่", "หัวฝาย", "หนองแวง", "วังน้ำเย็น", "ท่าช้าง", "บ่อทอง", "คลองใหม่", "เหล่างาม",
]  # fmt: skip
TEMPLES = ["วัดศรีสุทธาราม", "วัดป่าประชาสามัคคี", "วัดโพธิ์ทองวนาราม", "วัดสว่างอารมณ์"]
#: Named places a visit goes to; {village}/{subdistrict}/{temple} filled per post.
SITES = [
    "โรงเรียนบ้าน{village}",
    "ศูนย์ดิจิทัลชุมชนตำบล{subdistrict}",
    "ศาลาประชาคมบ้าน{village}",
    "องค์การบริหารส่วนตำบล{subdistrict}",
    "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้าน{village}",
    "{temple}",
]
PROJECTS = [
    ("โครงการเน็ตประชารัฐ", "การใช้ประโยชน์เน็ตประชารัฐ"),
    ("โครงการศูนย์ดิจิทัลชุมชน", "ศูนย์ดิจิทัลชุมชน"),
    ("โครงการอาสาสมัครดิจิทัล (อสด.)", "อาสาสมัครดิจิทัล"),
    ("โครงการขยายโครงข่ายอินเทอร์เน็ตความเร็วสูงในพื้นที่ห่างไกล", "อินเทอร์เน็ตความเร็วสูง"),
    ("การเตรียมความพร้อมการสำรวจสำมะโนประชากรและเคหะ", "การสำรวจสำมะโนประชากร"),
    ("โครงการป้องกันและปราบปรามข่าวปลอมในชุมชน", "การรับมือข่าวปลอม"),
]
REMARKS = [
    "ซึ่งมีผู้นำชุมชนดูแลและส่งเสริมให้เด็ก เยาวชน และชาวบ้านได้ใช้อินเทอร์เน็ตทั้งเพื่อการเรียนและการประกอบอาชีพ",
    "ซึ่งเปิดให้บริการตั้งแต่ปี 2561 มีเครื่องคอมพิวเตอร์จำนวน 12 ชุด ปัจจุบันยังใช้งานได้ตามปกติ",
    "โดยได้รับฟังปัญหาการใช้งานจากผู้ดูแลศูนย์ และมอบหมายให้หน่วยงานในพื้นที่เร่งแก้ไขโดยเร็ว",
    "พร้อมทั้งแนะนำช่องทางการจำหน่ายสินค้าชุมชนผ่านระบบออนไลน์ให้แก่กลุ่มวิสาหกิจชุมชน",
    "ทั้งนี้ ได้ขอความร่วมมือให้ช่วยประชาสัมพันธ์การใช้บริการแก่ประชาชนในพื้นที่อย่างทั่วถึง",
    "และได้มอบอุปกรณ์คอมพิวเตอร์เพื่อสนับสนุนการเรียนรู้ด้านดิจิทัลของนักเรียนในชุมชน",
]
CLOSINGS = [
    "เพื่อให้เกิดการใช้ประโยชน์อย่างคุ้มค่าและยั่งยืนต่อไป",
    "เพื่อนำข้อมูลไปประกอบการพิจารณาแนวทางการพัฒนาในระยะต่อไป",
    "เพื่อสรุปนำเสนอผู้บริหารระดับสูงพิจารณาแนวทางการแก้ไขอย่างเหมาะสมต่อไป",
]


@dataclass(frozen=True)
class Truth:
    """What a careful reader takes from the post (the corpus README's rules)."""

    dates: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    subdistricts: tuple[str, ...] = ()
    officials: tuple[tuple[str, str | None], ...] = ()  # (name as written, position)
    sites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Post:
    id: int
    title: str
    categories: tuple[str, ...]
    published: dt.date  # the card's date (the site shows it in the Buddhist era)
    paragraphs: tuple[str, ...]
    truth: Truth
    card_date: bool = True  # False: the listing card shows no date
    images: int = 3
    attachment: str | None = None  # file name under /uploads/files/
    encoding: str = "utf-8"  # "windows-874": served without charset in the header
    broken_html: bool = False  # unclosed tags, as old CMS pages have
    missing: bool = False  # listed, but the post page answers 404
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def slug(self) -> str:
        return re.sub(r"[^\w\u0E00-\u0E7F]+", "-", self.title).strip("-")

    @property
    def path(self) -> str:
        return f"/news/detail/{self.id}-{self.slug}"

    @property
    def stored(self) -> bool:
        return not self.missing


# --- dates as posts write them ------------------------------------------------------------------


def short_date(d: dt.date) -> str:
    """`23 ก.ค.63`: how a post's text often opens."""
    return f"{d.day} {thai_abbr_months[d.month - 1]}{buddhist_year(d.year) % 100:02d}"


def full_date(d: dt.date) -> str:
    return f"{d.day} {thai_full_months[d.month - 1]} {buddhist_year(d.year)}"


def date_phrase(form: int, start: dt.date, end: dt.date) -> str:
    if form == 0:
        return short_date(start)
    if form == 1:
        return f"เมื่อวันที่ {full_date(start)}"
    if form == 2:
        return f"เมื่อวันที่ {arabic_digit_to_thai_digit(full_date(start))}"
    if start.month == end.month:
        return f"ระหว่างวันที่ {start.day} – {full_date(end)}"
    return (
        f"ระหว่างวันที่ {start.day} {thai_abbr_months[start.month - 1]} - "
        f"{end.day} {thai_abbr_months[end.month - 1]} {buddhist_year(end.year)}"
    )


def _days(start: dt.date, end: dt.date) -> tuple[str, ...]:
    return tuple((start + dt.timedelta(n)).isoformat() for n in range((end - start).days + 1))


# --- places -------------------------------------------------------------------------------------


@cache
def _province_codes() -> dict[str, str]:
    return {p.name_th: p.code for p in geothai.provinces()}


def _place(province: str, k: int) -> tuple[str, str]:
    """The k-th (district, subdistrict) of a province, from the gazetteer."""
    districts = geothai.districts(_province_codes()[province])
    district = districts[k % len(districts)]
    subs = geothai.subdistricts(district.code)
    return district.name_th, subs[(k // len(districts) + k) % len(subs)].name_th


def _where(i: int, province: str, district: str, subdistrict: str) -> str:
    capital = district == f"เมือง{province}"
    written = "เมือง" if capital and i % 2 == 0 else district  # "อ.เมือง" means the capital's
    return [
        f"ต.{subdistrict} อ.{written}",
        f"ตำบล{subdistrict} อำเภอ{written} จังหวัด{province}",
        f"ต.{subdistrict} อ.{written} จ.{province}",
    ][i % 3]


# --- the generated visit posts ------------------------------------------------------------------


def _visit_post(i: int) -> Post:
    official = OFFICIALS[1:][i % (len(OFFICIALS) - 1)]
    province = PROVINCES[(i * 7) % len(PROVINCES)]
    project, project_short = PROJECTS[i % len(PROJECTS)]
    form = i % 5

    start = dt.date(2019, 3, 4) + dt.timedelta(days=i * 31 + (i * 7) % 11)
    if form == 4:  # a range across two months: 30 ก.ย. - 2 ต.ค.
        start = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(2)
    end = start + dt.timedelta(days=2 if form >= 3 else 0)
    published = end + dt.timedelta(days=i % 3)

    n_sites = 3 if i % 4 == 0 else 2
    places = [_place(province, i * 3 + k * 5) for k in range(n_sites)]
    sites = []
    for k, (_district, subdistrict) in enumerate(places):
        pattern = SITES[(i + k * 2) % len(SITES)]
        sites.append(
            pattern.format(
                village=VILLAGES[(i * 3 + k) % len(VILLAGES)],
                subdistrict=subdistrict,
                temple=TEMPLES[(i + k) % len(TEMPLES)],
            )
        )
    district0, subdistrict0 = places[0]
    position = official.position.format(province=province)
    host = HOSTS[i % len(HOSTS)]
    host_position = host.position.format(
        province=province, district=district0, subdistrict=subdistrict0
    )
    with_host = i % 3 != 1

    when = date_phrase(form, start, end)
    doing = f"ได้ลงพื้นที่ตรวจติดตามการดำเนินงาน{project}ในพื้นที่จังหวัด{province}"
    if form == 0:  # opens with the short date, as the seed does
        lead = f"{when} {official.name} {position} และคณะ {doing}"
    elif i % 2:
        lead = f"{official.name} {position} พร้อมคณะ {doing} {when}"
    else:
        lead = f"{when} {official.name} {position} และคณะ {doing}"
    lead += f" {CLOSINGS[i % len(CLOSINGS)]}"
    if with_host:
        lead += f" โดยมี{host.name} {host_position} ให้การต้อนรับ"

    paragraphs = [lead]
    for k, ((district, subdistrict), site) in enumerate(zip(places, sites, strict=True)):
        where = _where(i + k, province, district, subdistrict)
        remark = REMARKS[(i + k) % len(REMARKS)]
        if k == 0:
            text = f"จากนั้นได้เดินทางตรวจเยี่ยม{project_short} ณ {site} หมู่ที่ {k + 3} {where} {remark}"
        elif k == len(places) - 1:
            text = f"ปิดท้ายด้วยการตรวจเยี่ยม{site} {where} {remark}"
        else:
            text = f"ต่อมาได้เดินทางไปยัง{site} {where} {remark}"
        paragraphs.append(text)

    short_role = position.replace(MINISTRY, "กระทรวงดิจิทัลฯ")
    title = [
        f"{short_role} ลงพื้นที่ติดตาม{project_short} จังหวัด{province}",
        f"ดีอี ติดตาม{project} ณ {sites[0]} จ.{province}",
        f"“{project_short}” {short_role} ตรวจเยี่ยมพื้นที่จังหวัด{province}",
    ][i % 3]
    officials = [(official.name, position)]
    if with_host:
        officials.append((host.name, host_position))
    return Post(
        id=0,
        title=title,
        categories=(official.category,),
        published=published,
        paragraphs=tuple(paragraphs),
        truth=Truth(
            dates=_days(start, end),
            provinces=(province,),
            # written "อ.เมือง" or not, a district is the gazetteer's full name (corpus rules)
            districts=tuple(dict.fromkeys(d for d, _ in places)),
            subdistricts=tuple(dict.fromkeys(s for _, s in places)),
            officials=tuple(officials),
            sites=tuple(sites),
        ),
        images=2 + i % 4,
    )


# --- posts written by hand ----------------------------------------------------------------------

_SEED_PARAGRAPHS = (
    "23 ก.ค.63 นางปิยนุช วุฒิสอน ผู้ตรวจราชการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม และคณะ ได้เดินทางตรวจติดตามการดำเนินงานโครงการต่างๆ ของหน่วยงานในสังกัดในพื้นที่จังหวัดสุโขทัย โดยได้ประชุมร่วมกับหัวหน้าหน่วยงานและเจ้าหน้าที่ของทุกหน่วยงานในสังกัดเพื่อรับฟังและแลกเปลี่ยนความคิดเห็นในการดำเนินงาน รวมทั้งปัญหา/อุปสรรคเพื่อสรุปนำเสนอผู้บริหารระดับสูงพิจารณาแนวทางการแก้ไขพร้อมสนับสนุนการทำงานของแต่ละหน่วยงานอย่างเหมาะสมต่อไป",
    "ผู้ตรวจราชการฯ ได้เสนอแนะให้สำนักงานสถิติจังหวัดเป็นศูนย์กลางในการประสานการทำงานร่วมกับทุกหน่วยงานในพื้นที่ โดยมีการสื่อสารข้อมูลต่าง ๆ และส่งเสริมการทำงานร่วมกันอย่างต่อเนื่องเพื่อให้เกิดความเข้มแข็งในการขับเคลื่อนงานตามนโยบายรัฐบาลและยุทธศาสตร์กระทรวงฯ อย่างมีประสิทธิภาพและเป็นรูปธรรม รวมทั้งให้มีการประสานการทำงานร่วมกับหน่วยงานภาครัฐและเอกชนอื่น ๆ เพื่อดำเนินภารกิจในพื้นที่/จังหวัด อีกทั้งยังหารือการปฏิบัติงานในภาวะปกติใหม่ (New normal) ด้วย",
    "จากนั้นผู้ตรวจราชการฯ และคณะ ได้เดินทางตรวจเยี่ยมติดตามการใช้ประโยชน์เน็ตประชารัฐ ณ ศาลาประชาคมบ้านเกาะวงษ์เกียรติ์ หมู่ 2 ต.ทับผึ้ง อ.ศรีสำโรง ซึ่งมีผู้นำชุมชนที่เป็นคนรุ่นใหม่ดูแลและส่งเสริมให้เด็ก เยาวชน รวมถึงชาวบ้านได้ใช้อินเทอร์เน็ตในด้านต่างๆ ทั้งเพื่อการเรียน การประกอบอาชีพ ตลอดจนการจัดประชุมชาวบ้านของหน่วยงานภาครัฐในพื้นที่ โดยผู้ตรวจราชการฯ ได้แนะนำให้ผู้ใหญ่บ้านดูแลไม่ให้เป็นแหล่งมั่วสุมของเยาวชน และหากมีปัญหาในการใช้งานให้ติดต่อศูนย์บริการทีโอทีในพื้นที่ได้ทันที นอกจากนี้ยังได้ให้ไปรษณีย์ไทยจังหวัดแนะนำช่องทางการขายสินค้าชุมชนแก่ผู้ใหญ่บ้านเพื่อไปถ่ายทอดแก่กลุ่มอาชีพในชุมชนต่อไป",
    "ปิดท้ายด้วยการตรวจเยี่ยมศูนย์การเรียนรู้ ICT ชุมชน ณ โรงเรียนบ้านราวต้นจันทน์ ต.ราวต้นจันทน์ อ.ศรีสำโรง ซึ่งจัดตั้งขึ้นเมื่อปี 2552 เป็นศูนย์ขนาดกลางมีเครื่องคอมพิวเตอร์จำนวน 11 ชุด ปัจจุบันยังคงใช้งานได้ตามปกติ เนื่องจากโรงเรียนมีครูที่มีองค์ความรู้ด้านคอมพิวเตอร์เป็นผู้ดูแลบริหารจัดการการใช้ประโยชน์ มีแผนการใช้งานประจำสัปดาห์อย่างชัดเจน โดยให้บริการทั้งเด็กนักเรียน และประชาชนทั่วไปอย่างต่อเนื่อง ทั้งนี้ ผู้ตรวจราชการฯ ได้ขอความร่วมมือผู้อำนวยการโรงเรียนช่วยส่งเสริมให้คนในชุมชนได้ใช้ประโยชน์อย่างคุ้มค่ายิ่งขึ้น รวมทั้งประสานความร่วมมือกับผู้นำชุมชน (กำนัน) และ ส่วนท้องถิ่น (อบต.) ซึ่งมีส่วนร่วมในการขับเคลื่อนศูนย์ฯ สร้างการเรียนรู้ให้กับชุมชนในพื้นที่ เพื่อให้เกิดความยั่งยืนต่อไป",
)

SEED = Post(
    id=0,
    title="ผู้ตรวจราชการกระทรวงดิจิทัลฯ เดินสายติดตามการใช้ประโยชน์เน็ตประชารัฐและศูนย์ดิจิทัลชุมชนในพื้นที่จังหวัดสุโขทัย",
    categories=("119",),
    published=dt.date(2020, 7, 23),
    paragraphs=_SEED_PARAGRAPHS,
    truth=Truth(
        dates=("2020-07-23",),
        provinces=("สุโขทัย",),
        districts=("ศรีสำโรง",),
        subdistricts=("ทับผึ้ง", "ราวต้นจันทน์"),
        officials=(("นางปิยนุช วุฒิสอน", f"ผู้ตรวจราชการ{MINISTRY}"),),
        sites=("ศาลาประชาคมบ้านเกาะวงษ์เกียรติ์", "ศูนย์การเรียนรู้ ICT ชุมชน"),
    ),
    images=4,
    extra={"role": "seed"},
)


def _job_post(n: int) -> Post:
    """Not a visit: announcements name dates and places that must yield no visit."""
    year = 2021 + n
    positions = ["นักวิชาการคอมพิวเตอร์", "นักวิเคราะห์นโยบายและแผน", "นิติกร"]
    return Post(
        id=0,
        title=f"ประกาศสำนักงานปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม เรื่อง รับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป ตำแหน่ง{positions[n]}",
        categories=("7",),
        published=dt.date(year, 2 + n * 3, 10 + n),
        paragraphs=(
            f"สำนักงานปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม ประสงค์จะรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป ตำแหน่ง{positions[n]} จำนวน {n + 1} อัตรา",
            f"ผู้ประสงค์จะสมัครสามารถสมัครทางอินเทอร์เน็ตได้ตั้งแต่วันที่ {full_date(dt.date(year, 3 + n * 3, 1))} ถึงวันที่ {full_date(dt.date(year, 3 + n * 3, 15))} รายละเอียดตามประกาศที่แนบมาพร้อมนี้",
        ),
        truth=Truth(),
        images=1,
        attachment=f"announcement-{year}-{n + 1}.pdf" if n == 0 else None,
        extra={"role": "job"},
    )


_MISSING = Post(
    id=0,
    title="ดีอี ร่วมงานมหกรรมดิจิทัลชุมชน ประจำปี 2566",
    categories=("3",),
    published=dt.date(2023, 8, 14),
    paragraphs=(),
    truth=Truth(),
    missing=True,
    extra={"role": "404"},
)

GENERATED = 62
FIRST_ID = 3107


@cache
def posts() -> tuple[Post, ...]:
    """Every post of the mirror, oldest first, with ids rising with time as on the live site."""
    from dataclasses import replace

    visits = [_visit_post(i) for i in range(GENERATED)]
    # The awkward cases, each on a different post.
    visits[5] = replace(visits[5], card_date=False, extra={"role": "no card date"})
    visits[12] = replace(visits[12], categories=("119", "3"), extra={"role": "two categories"})
    visits[20] = replace(visits[20], attachment="summary-report.pdf", extra={"role": "pdf"})
    visits[27] = replace(visits[27], encoding="windows-874", extra={"role": "windows-874"})
    visits[33] = replace(visits[33], broken_html=True, extra={"role": "broken html"})
    assert visits[5].paragraphs[0][:2].strip().isdigit(), "the no-date card needs a body date"
    everything = sorted(
        [SEED, *visits, *(_job_post(n) for n in range(3)), _MISSING],
        key=lambda p: (p.published, p.title),
    )
    out, next_id = [], FIRST_ID
    for k, post in enumerate(everything):
        out.append(replace(post, id=next_id))
        next_id += 37 + (k * 53) % 97
    return tuple(out)


def by_role(role: str) -> Post:
    return next(p for p in posts() if p.extra.get("role") == role)
