"""Every rendered answer states its topic's key facts, in Chinese and in English alike.

Each fact is a pair: how a user reads it in the zh-CN answer and in the en answer, numbers
filled from the policy edition in force (so a policy change moves these strings on purpose).
The facts were checked against the seed pages (../shared/policy/seeds/) and procedures.md.
"""

from __future__ import annotations

import re

import pytest

from dialogs.faq_answer import faq_answer
from faq.entries import Entry, load_entries
from scoring.policy import Edition, all_sources

OFFICIAL_SYSTEM = {
    "zh-CN": ("上海市人力资源和社会保障网", "http://ggfw.rsj.sh.gov.cn/", "人社服务", "积分管理"),
    "en": ("http://ggfw.rsj.sh.gov.cn/", "人社服务", "积分管理", "《上海市居住证》积分申请系统"),
}
DISCLAIMER = {"zh-CN": "非官方，仅供参考，以官方公布为准。", "en": "Unofficial, for reference only"}
SOURCE_LINE = {"zh-CN": "\n来源：", "en": "\nSource"}

Fact = tuple[str, str]  # (zh-CN, en)
FACTS: dict[str, tuple[Fact, ...]] = {
    "password_reset": (
        ("不能在网上自助找回", "cannot be recovered online"),
        ("人才服务中心受理点", "talent service centre (人才服务中心) acceptance point"),
        ("身份证原件及复印件", "ID card (original and copy)"),
        ("《密码重置办理申请》", "《密码重置办理申请》"),
        ("“找回密码”", "“找回密码”"),
        ("代办人", "代办人"),
        # Only a letter-less account is on the page cited; the letter is asked for by some.
        (
            "是否还要单位介绍信，各受理点要求可能不同",
            "company introduction letter is also needed may differ",
        ),
        ("以受理点告知为准", "follow what it says"),
    ),
    "account_locked": (
        # No page we cite states the lock: said as what is commonly said, the system decides.
        ("常见的说法是连续输错5次密码", "commonly said that five wrong passwords"),
        ("锁定2小时", "lock the account for 2 hours"),
        ("2小时后可再登录", "after 2 hours you can log in again"),
        ("以系统登录时的提示为准", "go by what the system shows"),
        ("重置", "reset"),
        ("网上不能自助找回", "cannot be reset online"),
        ("《密码重置办理申请》", "《密码重置办理申请》"),
    ),
    "notice_reprint": (
        ("积分有效期内", "While your points are valid"),
        ("“打印积分通知书”", "“打印积分通知书”"),
        ("黑白、彩色", "black-and-white or colour"),
        ("单位用户或个人用户", "company or personal account"),
        ("任一区人才服务中心受理点", "any district talent service centre acceptance point"),
        ("积分打印设备自助打印", "self-service points printer"),
        ("带身份证", "ID card"),
    ),
    "renewal_materials": (
        ("变更什么提交什么", "变更什么提交什么"),
        ("不用交书面材料", "no paper materials"),
        ("“请于两个工作日后至受理点递交书面材料”", "“请于两个工作日后至受理点递交书面材料”"),
        ("房产证", "property certificate"),
        ("租赁登记备案证明", "租赁登记备案证明"),
        ("集体宿舍证明", "company dormitory proof"),
        ("寄宿证明", "lodging proof"),
        ("原单位离职证明（退工单）", "leaving certificate (离职证明 / 退工单)"),
        ("验证学历（约两个月）", "verified first (about two months)"),
        ("职称证书", "title certificate"),
        ("结婚证", "marriage certificate"),
        ("户口本", "户口本"),
        ("离婚证、离婚协议或判决书", "divorce certificate, agreement or judgment"),
    ),
    "renewal_process": (
        ("社区事务受理服务中心", "社区事务受理服务中心"),
        ("签注", "签注"),
        ("3–7个工作日（至少3个工作日）", "3–7 working days (at least 3 working days)"),
        ("“刷新有效期”", "“刷新有效期”"),
        ("确认仍满120分，再点“申请”", "still have 120 points, then click “申请”"),
        ("网签", "网签"),
        ("书面材料", "paper materials"),
    ),
    "renewal_timing": (
        ("越早越好", "The earlier the better"),
        ("到期前30天内", "within the 30 days before it expires"),
        ("签注成功后尽快申请", "as soon as the endorsement succeeds"),
        # Only procedures.md says when the entry appears: said as the general account.
        (
            "一般说法是积分系统的续签入口在居住证到期前一个月出现",
            "generally said that the renewal entry",
        ),
        ("到期前一个月", "one month before the permit expires"),
        ("等3个工作日", "wait 3 working days"),
    ),
    "permit_endorsement": (
        ("每年签注一次", "endorsed once a year"),
        ("居住地的社区事务受理服务中心", "community affairs service centre (社区事务受理服务中心)"),
        ("到期前30天内", "within the 30 days before the permit expires"),
        ("积分确认", "confirmation"),
    ),
    "confirm_after_endorsement": (
        ("3个工作日", "3 working days"),
        ("数据", "data"),
        ("“刷新有效期”", "“刷新有效期”"),
        ("单位未变", "Same employer"),
        ("单位已变", "New employer"),
        ("“申请”", "“申请”"),
        ("持证人", "holder"),
    ),
    "change_employer": (
        ("个人密码", "personal password"),
        ("统一社会信用代码", "统一社会信用代码"),
        ("新单位注册地区人才服务中心受理点", "district where the new employer is registered"),
        ("身份证、居住证", "your ID, permit"),
        ("一年以上劳动合同", "labour contract of one year or more"),
        ("营业执照复印件", "copy of the new employer's business licence"),
        ("退工单或离职证明", "退工单 or 离职证明"),
        ("说法不一，以受理点告知为准", "sources differ: ask the acceptance point"),
        ("“单位不存在”", "“单位不存在”"),
        ("单位注册", "register as an employer"),
    ),
    "processing_time": (
        ("20个工作日内完成积分核定", "decided within 20 working days"),
        ("第十七条", "第十七条"),
        ("调档", "personnel file"),
        ("一个半月", "one and a half months"),
        ("以受理点告知为准", "ask yours"),
        ("短信", "SMS"),
    ),
    "eligibility": (
        ("《上海市居住证》", "《上海市居住证》"),
        ("居住登记满6个月", "registered as a resident for 6 months"),
        ("申请当月在职", "employed in the month you apply"),
        ("前12个月内累计缴纳本市职工社保满6个月", "at least 6 of the previous 12 months"),
        ("不含补缴", "back-payments do not count"),
        ("18–60周岁", "aged 18–60"),
        ("在本市注册的用人单位", "employer registered in Shanghai"),
        ("个人不能自己申请", "individuals cannot apply themselves"),
    ),
    "application_process": (
        ("领证满3日", "at least 3 days"),
        ("“积分模拟打分”", "“积分模拟打分”"),
        ("满120分", "reach 120"),
        ("一网通办账号", "一网通办"),
        ("《积分申请表》", "《积分申请表》"),
        ("“提交申请”", "“提交申请”"),
        ("单位注册地区人才服务中心受理点", "acceptance point of its registered district"),
        ("调档、验学历完成初审，一般约20个工作日", "first review, usually about 20 working days"),
        ("“已核实”", "“已核实”"),
        ("一个半月", "one and a half months"),
        ("短信", "SMS"),
        ("积分打印设备自助打印", "self-service points printer"),
        ("“打印积分通知书”", "“打印积分通知书”"),
    ),
    "basic_materials": (
        ("人事专员的介绍信", "HR officer's introduction letter"),
        ("公章", "company seal"),
        ("《积分申请表》", "《积分申请表》"),
        ("户口簿", "户口簿"),
        ("派出所", "police-station"),
        ("劳动（聘用）合同", "labour (employment) contract"),
        ("派遣协议", "dispatch agreement"),
        ("营业执照复印件", "copy of the business licence"),
        ("原件核对", "the original is checked"),
        ("学历、职称、配偶子女等另按各自要求准备", "Education, title, spouse and children"),
    ),
    "education_materials": (
        ("学历证书、学位证书", "Diploma and degree certificates"),
        ("复印件", "copies"),
        ("教育部留学服务中心", "Ministry of Education's 留学服务中心"),
        ("毕业生登记表", "graduate registration form"),
        ("成绩单", "transcripts"),
        ("验证", "verification"),
    ),
    "title_materials": (
        ("专业技术职务任职资格证书", "专业技术职务任职资格证书"),
        ("聘书", "appointment letter"),
        ("评审表", "评审表"),
        ("《资格考试合格人员登记表》", "《资格考试合格人员登记表》"),
        ("岗位说明书", "job description"),
        ("职业资格等级证书", "vocational qualification certificate"),
    ),
    "spouse_child_materials": (
        ("结婚证原件及复印件", "Marriage certificate, original and copy"),
        ("配偶身份证", "spouse's ID"),
        ("户籍证明", "household registration"),
        ("户口簿首页和个人页", "first page and their own page"),
        ("16周岁以下", "under 16"),
        ("出生医学证明", "出生医学证明"),
        ("16周岁以上", "over 16"),
        (
            "全日制普通高中学籍证明和在读证明",
            "full-time senior high school enrolment and attendance",
        ),
    ),
    "online_vs_paper": (
        (
            "“该人可网上递交申请表，无需至受理点递交书面材料”",
            "“该人可网上递交申请表，无需至受理点递交书面材料”",
        ),
        ("网签", "网签"),
        ("“请于两个工作日后至受理点递交书面材料”", "“请于两个工作日后至受理点递交书面材料”"),
        ("首次申请约5个工作日后", "about 5 working days for a first application"),
        ("续签约3个工作日后", "about 3 working days for a renewal"),
    ),
    "employer_registration": (
        ("“单位注册”", "“单位注册”"),
        ("诚信协议", "诚信协议"),
        ("统一社会信用代码", "统一社会信用代码"),
        ("人事或法人", "HR or the legal representative"),
        ("单位注册地区人才服务中心受理点", "district where the company is registered"),
        ("人事专员介绍信", "HR officer's introduction letter"),
        ("社保须在本单位", "social insurance must be paid by this company"),
        ("营业执照", "business licence"),
        ("劳务派遣许可证", "dispatch licence"),
        ("在沪缴纳企业税的凭证", "proof of paying company tax in Shanghai"),
        ("1–3个工作日", "1–3 working days"),
        ("一网通办账号", "一网通办"),
    ),
    "rejected_application": (
        ("通知 → 受理不通过 → 查看原因", "通知 → 受理不通过 → 查看原因"),
        ("重新上报", "submit again"),
        ("重新审核", "reviews again"),
        ("书面材料", "paper materials"),
        ("当场告知", "on the spot"),
    ),
    "points_validity": (
        ("积分有效期与居住证有效期一致", "valid as long as the residence permit"),
        ("不会自动延续", "do not renew by themselves"),
        ("积分确认", "confirm"),
        ("今年达标明年不一定达标", "does not guarantee it next year"),
    ),
    "points_benefits": (
        ("关键凭证", "key document"),
        ("教育", "education"),
        ("医疗", "medical care"),
        ("住房", "housing"),
        ("中高考", "中考、高考"),
        ("共有产权房", "共有产权房"),
        ("配偶和子女可随同享受", "spouse and children can share"),
        ("120分", "120 points"),
    ),
    "si_tax_mismatch": (
        ("社保缴费基数须与个税申报", "must match the income declared for tax"),
        ("积分无效", "points invalid"),
        ("工资单", "payslips"),
        ("社保缴费记录", "social insurance records"),
        ("个税申报记录", "tax records"),
        ("断缴", "Gaps"),
        ("补缴", "back-payments"),
        ("扣分（或不计分）", "cost points (or not count)"),
        ("最近6个月个税完税证明", "last 6 months' income tax certificates"),
    ),
    "si_years_rule": (
        ("每满1年积3分", "Each full year"),
        ("不封顶", "no cap"),
        ("补缴的月份不计入", "Back-paid months do not count"),
    ),
    "si_base_rule": (
        ("每个月的社保缴费基数与当年全市职工平均工资相比", "Each month's social insurance base"),
        ("最近4年内累计36个月", "36 months within the last 4 years"),
        ("0.8–1倍25分", "0.8–1× 25 points"),
        ("1–2倍50分", "1–2× 50"),
        ("2–3倍100分", "2–3× 100"),
        ("最近3年内累计24个月，120分", "24 months within the last 3 years gives 120"),
        ("只算最高一档", "Only the highest tier counts"),
        ("补缴的月份不算", "back-paid months do not count"),
        ("叠加", "adds to the social insurance years points"),
    ),
    "education_rule": (
        ("大专（高职）50分", "College (大专/高职) 50"),
        ("本科60分", "bachelor without degree 60"),
        ("本科+学士学位90分", "bachelor with degree 90"),
        ("硕士100分", "master 100"),
        ("博士110分", "doctorate 110"),
        ("只算最高学历", "Only the highest education counts"),
        ("学信网", "学信网"),
        ("成人学历（自考、函授、夜大等）也可积分", "Adult education (self-study exams 自考"),
    ),
    "title_rule": (
        ("中级职称100分", "Intermediate title 100"),
        ("高级职称140分", "senior title 140"),
        ("三级60分", "level 3: 60"),
        ("初级职称0分", "junior title: 0"),
        ("须与所在岗位匹配", "must match your job"),
        ("近12个月内至少6个月", "in the last 12 months at least 6 months"),
        ("上年全市职工平均工资1倍", "1× the city's average wage of the previous year"),
    ),
    "age_rule": (
        ("最高30分", "at most 30 points"),
        ("43周岁及以下都是满分", "43 or younger gets the full 30"),
        ("56–60周岁为5分", "Ages 56–60 get 5"),
        ("每小1岁加2分", "each year younger than 56 adds 2"),
        ("44周岁29分", "44 gets 29"),
        ("45周岁27分", "45 gets 27"),
        ("55周岁7分", "55 gets 7"),
        ("18–60周岁", "18–60"),
        ("按周岁计算", "full years (周岁)"),
    ),
    "shortage_major": (
        ("加30分", "adds 30 points"),
        ("名称和代码", "name and code"),
        ("从事相应工作", "work in the matching field"),
        ("可与学历分叠加", "adds to the education points"),
        ("紧缺急需专业目录", "catalogue"),
    ),
    "spouse_rule": (
        ("本市户籍", "Shanghai hukou"),
        ("每满1年加4分", "each full year of marriage adds 4 points"),
        ("最高40分", "At most 40 points"),
    ),
    "deductions": (
        ("近3年内提供虚假材料", "False materials within the last 3 years"),
        ("扣150分", "−150 points"),
        ("取消申请资格", "application is cancelled"),
        ("近5年内受过行政拘留", "Administrative detention within the last 5 years"),
        ("扣50分", "−50 points"),
        ("近5年内有一般刑事犯罪记录", "ordinary criminal offence within the last 5 years"),
        ("宣告刑5年有期徒刑以上", "sentence of 5 years' imprisonment or more"),
        ("一票否决", "Vetoes"),
        ("计划生育", "family-planning"),
        ("近年是否仍执行，请以受理点告知为准", "still applied in recent years: ask the acceptance"),
    ),
    "login_portal": (
        ("上海市人力资源和社会保障网", "上海市人力资源和社会保障网"),
        ("“人社服务”", "“人社服务”"),
        ("“积分管理”", "“积分管理”"),
        ("《上海市居住证》积分申请系统", "《上海市居住证》积分申请系统"),
        ("单位用户", "单位用户"),
        ("个人用户", "个人用户"),
        ("身份证号为账号", "ID number is the account"),
        ("密码由单位设定", "employer sets the password"),
    ),
    "permit_vs_points": (
        ("两码事", "two different things"),
        ("社区事务受理服务中心", "社区事务受理服务中心"),
        ("用人单位申请", "applied for separately by your employer"),
        ("120分", "120 points"),
        ("查不到积分属正常", "Finding no points right after getting the permit is normal"),
    ),
    "where_to_apply": (
        ("单位注册地", "district where the employer is registered"),
        ("工商注册地", "business registration"),
        ("民办非企业", "private non-enterprise unit"),
        ("区人才服务中心受理点", "talent service centre acceptance point"),
        ("不得跨区", "cannot file in another district"),
        ("不是社区事务受理服务中心", "Not the community affairs service centre"),
    ),
    "fresh_graduate_rule": (
        ("全日制应届高校毕业生加10分", "Full-time fresh university graduates get 10"),
        ("120分", "120"),
    ),
    "how_to_reach_120": (
        ("学历、年龄、职称、社保年限、社保基数、紧缺专业、应届生", "education, age, title"),
        ("本科+学士90分+年龄30分=120分", "bachelor with degree 90 + age 30 = 120"),
        ("中级职称", "intermediate title"),
        ("更稳定", "more stable"),
        ("社保每年会变", "it changes every year"),
        ("远郊", "Remote key areas"),
        ("表彰奖励", "awards"),
        ("“积分模拟打分”", "“积分模拟打分”"),
    ),
    "self_employed": (
        (
            "个人和个体工商户不能申请",
            "Individuals and self-employed businesses (个体工商户) cannot",
        ),
        ("正常注册并纳税的单位", "properly registered and paying tax in Shanghai"),
        ("职工社保", "职工社保"),
        ("缴费单位须与劳动合同单位一致", "paid by the employer you have the labour contract with"),
    ),
    "endorsement_overdue": (
        ("未满60天", "Less than 60 days"),
        ("持证年限连续", "years held stay continuous"),
        ("超过60天仍未签注", "More than 60 days past expiry without endorsement"),
        ("社区事务受理服务中心", "社区事务受理服务中心"),
        ("重新办理居住证", "re-apply for the permit"),
        ("90天", "90 days"),
        ("说法不一", "Sources differ"),
        ("重新计算", "restart"),
        ("积分须重新申请", "points must be applied for again"),
    ),
    "score_simulation": (
        ("“积分模拟打分”", "“积分模拟打分”"),
        ("120分", "120"),
        ("受理后核定结果为准", "decided after acceptance"),
    ),
    "check_result": (
        ("短信通知", "SMS"),
        ("进度和结果", "progress and the result"),
        ("3–5个工作日", "3–5 working days"),
        ("受理或被退回", "accepted or returned"),
    ),
    "personnel_file": (
        ("调集申请人档案", "retrieves your personnel file"),
        ("档案丢失", "A lost file"),
        ("未建档", "no file"),
        ("私拆", "opened privately"),
        ("都可能导致申请被拒", "can all get the application refused"),
        ("原毕业学校或原单位", "former school or employer"),
        ("学籍证明", "enrolment proof"),
        ("遗失证明", "loss certificate"),
        ("盖章", "seal"),
        ("不需要再补调档", "do not need the file to be retrieved again"),
    ),
    "branch_staff": (
        ("外省市分支机构", "branches outside Shanghai"),
        ("不属于申请对象", "cannot apply"),
        ("在沪办事处", "Shanghai offices of out-of-town"),
        ("不受理", "not accepted"),
        ("在沪缴纳企业税的凭证", "proof of paying company tax in Shanghai"),
    ),
    "who_submits": (
        ("人事专员递交", "HR officer (人事专员) hands in"),
        ("本人不能去交", "cannot do it in person"),
        ("单位介绍信", "introduction letter"),
        ("身份证", "ID"),
    ),
    "high_base_renewal": (
        ("保持之前的倍数", "stay at the same multiple"),
        ("新的分值补上", "other points make up the difference"),
        ("个税", "Income tax"),
        ("不重税、不漏税", "no double or missing tax"),
        ("明年不达标", "missing the standard next year"),
        ("中级职称或学历更稳定", "intermediate title or education is more stable"),
    ),
    "education_title_overlap": (
        ("不叠加", "do not add up"),
        ("只取较高的一项", "only the higher"),
        ("高级职称140分+年龄30分=170分", "senior title 140 + age 30 = 170"),
    ),
    "remote_area": (
        ("临港新片区", "临港新片区"),
        ("满5年起计分", "from 5 full years"),
        ("每满1年2分", "2 per full year"),
        ("最高20分", "at most 20"),
        ("满5年直接加20分", "20 points at once after 5 years"),
        ("说法不一，以受理点告知为准", "Sources differ: ask the acceptance point"),
    ),
    "permit_application": (
        ("居住登记满半年", "registered residence in Shanghai for half a year"),
        ("合法稳定就业", "lawful stable employment"),
        ("合法稳定住所", "lawful stable housing"),
        ("连续就读", "continuous study"),
        ("社区事务受理服务中心", "社区事务受理服务中心"),
        ("居住登记证明", "residence registration proof"),
        ("身份证", "ID card"),
        ("积分要另由单位申请", "separate application by your employer"),
    ),
    "investment_tax_rule": (
        ("近3年", "last 3 years"),
        ("每10万元加10分", "10 points per 100,000 yuan"),
        ("本市户籍", "Shanghai-hukou"),
        ("每10人加10分", "10 points per 10"),
        ("两项只取其一", "Only one of the two counts"),
        ("最高120分", "At most 120 points"),
    ),
    "outside_title": (
        ("外省市取得的职称", "title obtained in another province"),
        ("上海复评", "Shanghai review (复评)"),
        ("上海市人力资源和社会保障局", "Shanghai Human Resources and Social Security Bureau"),
        ("本市工作期间取得", "obtained while working in Shanghai"),
        ("全国统考", "national exam"),
        ("说法不一，以受理点告知为准", "Sources differ: ask the acceptance point"),
    ),
    "awards_rule": (
        ("市级部门专项奖30分", "City bureau specific award 30"),
        ("市级部门综合奖60分", "city bureau comprehensive award 60"),
        ("省部级以上110分", "provincial/ministerial or above 110"),
        ("只算最高一项", "Only the highest counts"),
        ("本市工作期间", "while working in Shanghai"),
        ("认定目录", "official list"),
    ),
}

ENTRIES = {entry.id: entry for entry in load_entries()}


def test_every_contract_topic_has_exactly_one_entry() -> None:
    assert sorted(ENTRIES) == sorted(FACTS)
    assert len(load_entries()) == len(ENTRIES)


@pytest.mark.parametrize("topic", sorted(FACTS))
@pytest.mark.parametrize(("locale", "side"), [("zh-CN", 0), ("en", 1)])
def test_answer_states_the_topic_facts_in_both_languages(
    topic: str, locale: str, side: int, policy_values: dict[str, float]
) -> None:
    answer = ENTRIES[topic].render(locale, policy_values)
    missing = [fact[side] for fact in FACTS[topic] if fact[side] not in answer]
    assert not missing, f"{topic} ({locale}) lacks {missing}:\n{answer}"


@pytest.mark.parametrize("entry", load_entries(), ids=lambda e: e.id)
@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_answer_names_its_sources_and_the_official_system(
    entry: Entry, locale: str, policy_edition: Edition
) -> None:
    answer = faq_answer(entry, locale, policy_edition)
    body, _, sources = answer.rpartition(SOURCE_LINE[locale])
    en = locale == "en"
    cited = [all_sources()[key] for key in entry.sources]
    assert body and all(source.shown(en) in sources for source in cited)
    assert all(place in body for place in OFFICIAL_SYSTEM[locale])
    # An agency page is said to be unofficial, once, after the sources.
    unofficial = any(source.unofficial for source in cited)
    assert answer.count(DISCLAIMER[locale]) == unofficial
    assert (DISCLAIMER[locale] in sources) == unofficial
    assert "{{" not in answer


# Issue 17's audit: wrong or unsupported statements, taken out; they must not come back.
RETRACTED: dict[str, tuple[str, ...]] = {
    "age_rule": ("44周岁起每大1岁少2分",),
    "self_employed": ("灵活就业缴纳的不行", "以个人身份"),
    "password_reset": ("需要本人到", "有的受理点还要单位介绍信"),
    "si_base_rule": ("上年全市职工平均工资之比",),
    "personnel_file": ("都会导致",),
}


@pytest.mark.parametrize("topic", sorted(RETRACTED))
def test_retracted_statements_stay_out(topic: str, policy_values: dict[str, float]) -> None:
    answer = ENTRIES[topic].render("zh-CN", policy_values)
    assert not [text for text in RETRACTED[topic] if text in answer], answer


_NUMBERED = re.compile(r"^(\d+)\. ", re.MULTILINE)


@pytest.mark.parametrize("entry", load_entries(), ids=lambda e: e.id)
@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_numbered_lists_count_from_one_without_gaps(
    entry: Entry, locale: str, policy_values: dict[str, float]
) -> None:
    """A list starts at 1 and counts up by one; a line that is not an item ends it."""
    expected = 1
    for line in entry.render(locale, policy_values).splitlines():
        item = _NUMBERED.match(line)
        if item is None:
            expected = 1
            continue
        assert int(item.group(1)) == expected, f"{entry.id}: {line!r}"
        expected += 1


_CHINESE_RUN = re.compile(r"([\u4e00-\u9fff]{6,})（([^）]*)）")


@pytest.mark.parametrize("entry", load_entries(), ids=lambda e: e.id)
def test_no_bracket_repeats_the_name_before_it(entry: Entry) -> None:
    """ "社区事务受理服务中心（街道社区事务受理服务中心）" says one name twice."""
    repeats = [
        m.group(0) for m in _CHINESE_RUN.finditer(entry.answer) if m.group(1)[-6:] in m.group(2)
    ]
    assert not repeats, repeats
