"""The demo city, described once: its districts, their streets and communities, the people on
each community's board, and the news that names them.

The sample sheet (goodpeople/sample.py), the demo communities (goodpeople/demo.py) and the
demo news (home/demo.py) are all generated from here, so an article that names 甘棠社区
names it with 浔阳区, and no two boards list the same person.
"""

import itertools
import random
from dataclasses import dataclass

from goodpeople.models import Category, ProjectCategory


@dataclass(frozen=True)
class Place:
    """A community of the city: its district, sub-district (街道) and the name without 社区."""

    district: str
    street: str
    base: str

    @property
    def community(self) -> str:
        return f"{self.base}社区"


# Districts in the order the office lists them; each street with its communities. Names are
# unique city-wide, so a community can be named alone.
CITY: dict[str, dict[str, list[str]]] = {
    "浔阳区": {
        "甘棠街道": ["甘棠"],
        "人民路街道": ["庾亮", "大中", "龙开河"],
        "湓浦街道": ["湓浦", "琵琶亭"],
        "白水湖街道": ["白水湖", "烟水亭", "南湖"],
        "向阳街道": ["锁江楼", "能仁"],
        "滨兴街道": ["滨江", "东湖"],
    },
    "濂溪区": {
        "五里街道": ["濂溪", "五里"],
        "十里街道": ["十里", "长虹"],
        "莲花镇": ["莲花"],
        "新港镇": ["新港", "周岭"],
    },
    "柴桑区": {"沙河街道": ["沙河", "柴桑"], "狮子街道": ["狮子"], "港口街镇": ["港口"]},
    "瑞昌市": {"湓城街道": ["湓城"], "桂林街道": ["桂林"]},
    "共青城市": {"茶山街道": ["茶山"], "江益镇": ["江益"]},
    "庐山市": {"南康镇": ["南康"], "白鹿镇": ["白鹿"]},
    "武宁县": {"新宁镇": ["新宁"], "豫宁街道": ["豫宁"]},
    "修水县": {"义宁镇": ["义宁"], "良塘新区": ["良塘"]},
    "永修县": {"涂埠镇": ["涂埠"], "艾城镇": ["艾城"]},
    "德安县": {"蒲亭镇": ["蒲亭"], "丰林镇": ["丰林"]},
    "都昌县": {"都昌镇": ["湖滨"], "芙蓉山": ["芙蓉"]},
    "湖口县": {"双钟镇": ["双钟"], "流泗镇": ["流泗"]},
    "彭泽县": {"龙城镇": ["龙城"], "芙蓉墩镇": ["芙蓉墩"]},
    "九江经济技术开发区": {"向阳街道": ["金鸡坡"], "永安乡": ["永安"]},
    "八里湖新区": {"八里湖街道": ["八里湖", "荷花", "环城"]},
}
DISTRICTS: dict[str, list[str]] = {district: list(streets) for district, streets in CITY.items()}


def places() -> list[Place]:
    """Every community, taken round the districts in turn (each district's first, then each
    one's second, ...), so the first rows of a sheet already cover the whole city."""
    by_district = [
        [Place(district, street, base) for street, bases in streets.items() for base in bases]
        for district, streets in CITY.items()
    ]
    rounds = itertools.zip_longest(*by_district)
    return [place for round_ in rounds for place in round_ if place is not None]


# The good people: a name pool that no two boards share, and deeds that read like a notice
# board's (the name and community filled in).
SURNAMES = "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = [
    "秀英",
    "建华",
    "桂兰",
    "志强",
    "红梅",
    "国庆",
    "玉珍",
    "德明",
    "春花",
    "卫国",
    "淑芬",
    "海涛",
    "凤英",
    "长青",
    "丽萍",
    "永福",
]
# Kept off every board: the demo's waiting submission adds this person to 甘棠社区's.
WAITING_NOMINEE = "赵海军"
DEEDS: dict[str, list[str]] = {
    Category.HELPING: [
        "退休教师{name}每天下午在家中义务辅导{community}的孩子功课，十年没有间断。",
        "{name}自发组织楼栋志愿者，为{street}行动不便的老人送菜上门。",
    ],
    Category.BRAVE: [
        "{name}在长江边跳入水中救起落水儿童，随后悄然离开，{community}居民多方寻找才知其名。",
        "{name}深夜发现{street}一处民房起火，挨家敲门叫醒十余户居民撤离。",
    ],
    Category.HONEST: [
        "{name}在{community}经营小卖部三十年，捡到顾客遗失的钱包总是原样奉还。",
        "出租车司机{name}将乘客遗落的两万元现金送回，婉拒了对方的酬谢。",
    ],
    Category.DEDICATED: [
        "社区网格员{name}熟悉{community}的每一户，深夜接到求助电话也第一时间赶到。",
        "{name}在{street}卫生院工作二十年，常年为辖区慢性病老人上门随访。",
    ],
    Category.FILIAL: [
        "{name}照顾瘫痪在床的婆婆十二年，{community}的邻里称她是“最美儿媳”。",
        "{name}把患病的岳父接到家中悉心照料，被{street}评为“孝老爱亲模范”。",
    ],
}
PROJECTS = [
    (
        "银发关爱·爱心理发",
        ProjectCategory.ELDERLY,
        "辖区独居老人多，需求调查中上门理发和量血压呼声最高。",
    ),
    ("四点半课堂", ProjectCategory.CHILDREN, "双职工家庭多，孩子放学后无人看管。"),
    ("洁净家园周末行", ProjectCategory.ENVIRONMENT, "老旧小区楼道杂物多，居民希望环境更整洁。"),
    ("文明劝导岗", ProjectCategory.CIVILITY, "路口行人闯红灯、电动车不戴头盔现象较多。"),
    ("邻里守望", ProjectCategory.NEIGHBOURS, "新搬入的住户多，邻里之间互不相识。"),
]


def _name_pool() -> list[str]:
    names = [surname + given for surname in SURNAMES for given in GIVEN]
    random.Random(13).shuffle(names)  # noqa: S311 - reproducible demo names
    return [name for name in names if name != WAITING_NOMINEE]


NAMES = _name_pool()
# How many communities the demo fills (boards, projects, news): the first places() (a dozen
# districts' first communities) and 庾亮, the second station with a demo account.
DEMO_FILLED = 12
DEMO_ALSO = "庾亮"


def demo_places() -> list[Place]:
    """The communities the demo fills, in the order their boards and news are made."""
    city = places()
    return city[:DEMO_FILLED] + [place for place in city if place.base == DEMO_ALSO]


BOARD_SIZE = len(DEEDS)


def board_people(place: Place, number: int) -> list[tuple[str, str, str]]:
    """(name, category, deed) for the board of the demo's number-th community: one person
    of each category, nobody on any other community's board."""
    names = NAMES[number * BOARD_SIZE : (number + 1) * BOARD_SIZE]
    return [
        (
            name,
            category,
            deeds[number % len(deeds)].format(
                name=name, community=place.community, street=place.street
            ),
        )
        for name, (category, deeds) in zip(names, DEEDS.items(), strict=True)
    ]


# The news: each topic is a 专题 (its tag gathers its articles) with what volunteers do for it.
TOPICS = [
    (
        "学雷锋志愿服务",
        "xueleifeng",
        "学雷锋志愿服务进社区",
        ["为辖区老人义务理发、测量血压", "走访慰问困难家庭"],
    ),
    (
        "文明交通",
        "wenming-jiaotong",
        "文明交通 我们在行动",
        ["在路口引导行人遵守信号灯", "劝导电动车驾驶人佩戴头盔"],
    ),
    (
        "垃圾分类",
        "laji-fenlei",
        "垃圾分类 新时尚",
        ["入户讲解垃圾分类知识", "在小区设置分类督导岗"],
    ),
    ("诚信建设", "chengxin", "诚信建设万里行", ["评选诚信经营示范店", "开展诚信主题道德讲堂"]),
    ("关爱未成年人", "weichengnianren", "关爱未成年人成长", ["开设四点半课堂", "组织亲子阅读活动"]),
]
TITLES = [
    "{district}{community}开展“{topic}”主题志愿服务活动",
    "志愿红点亮{community}：{topic}在行动",
    "{community}：小积分兑出{topic}大文明",
    "{district}{community}把{topic}做到居民心坎上",
    "{district}扎实推进{topic}工作见实效",
    "{district}召开{topic}工作推进会",
]
PARAGRAPHS = [
    "近日，{district}{street}{community}学雷锋志愿服务站组织志愿者{action}，吸引了众多居民参与。",
    "活动现场，志愿者们分工明确、热情耐心，居民纷纷点赞。{community}负责人表示，将把{topic}作为常态化工作，持续推动文明新风进家入户。",
    "据了解，今年以来，{district}已累计开展{topic}主题活动{count}场次，参与志愿者{people}余人次，服务群众上万人。",
    "下一步，{district}将继续深化结对帮扶机制，引导更多文明单位走进社区，让志愿服务成为城市文明的亮丽风景。",
]


@dataclass(frozen=True)
class Story:
    """One demo article: its headline, paragraphs and tags, all about one community."""

    title: str
    paragraphs: list[str]
    topic: str
    district: str


def stories(count: int) -> list[Story]:
    """count articles about the demo's communities, no headline twice: each names its
    community with that community's own district and street."""
    rng = random.Random(2026)  # noqa: S311 - reproducible demo text
    chosen = demo_places()
    seen: set[str] = set()
    result = []
    for number in range(count * 20):
        if len(result) == count:
            return result
        place = chosen[number % len(chosen)]
        topic, _, _, actions = TOPICS[number % len(TOPICS)]
        words = {
            "district": place.district,
            "street": place.street,
            "community": place.community,
            "topic": topic,
            "action": actions[number % len(actions)],
            "count": rng.randint(20, 300),
            "people": rng.randint(200, 5000),
        }
        title = TITLES[number % len(TITLES)].format(**words)
        if title in seen:
            continue
        seen.add(title)
        result.append(Story(title, [p.format(**words) for p in PARAGRAPHS], topic, place.district))
    raise ValueError(f"only {len(result)} distinct headlines for {count} articles")
