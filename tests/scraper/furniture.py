"""Text of the site's furniture (site-notes.md, seed/): none of it may reach a post's body."""

BOILERPLATE = [
    "ตัวช่วยเหลือในการเข้าถึงเว็บไซต์",
    "Ministry of Digital Economy and Society",
    "WCAG",
    "จำนวนผู้เยี่ยมชมเว็บไซต์",
    "Loading...",
    "อาคารรัฐประศาสนภักดี",
    "ถนนแจ้งวัฒนะ",
    "10210",
    "ติดตามข่าวสาร",
    "facebook",
    "instagram",
    "twitter",
    "youtube",
    "icon-sitemap",
    "&nbsp;",
    "\xa0",
    "*****",
]
