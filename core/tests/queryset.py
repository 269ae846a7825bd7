"""The written-down query set for Chinese search: pages, queries, and what each must (not) find.

Used twice: core/tests/test_chinese.py scores the segmentation strategies on it, and
search/tests/test_queryset.py runs it end to end through the real search backend on
SQLite and PostgreSQL. Keys not named in a query's found or not-found set are "either way":
reasonable people could want them or not.
"""

# key: (title, body)
PAGES: dict[str, tuple[str, str]] = {
    "zhiyuan_zhidu": (
        "九江市社区志愿服务制度化落地有声",
        "近日，全市213个城市社区学雷锋志愿服务站全部挂牌，志愿服务台账统一建立。",
    ),
    "balihu_shequ": (
        "八里湖社区开展“邻里守望”活动",
        "八里湖新区八里湖社区组织志愿者走访空巢老人，送去米面油。",
    ),
    "balihu_xinqu": (
        "八里湖新区召开文明创建推进会",
        "会议部署新区各单位的文明创建工作，要求对照测评体系逐项整改。",
    ),
    "gantang_shequ": (
        "甘棠社区举办道德讲堂",
        "甘棠社区邀请身边好人讲述自己的故事，居民百余人参加。",
    ),
    "wifi": (
        "主要街道实现免费WiFi覆盖",
        "市民在浔阳区主要街道可免费使用无线网络。",
    ),
    "ceping_2014": (
        "2014年度全市文明单位测评结果公示",
        "根据测评办法，现将2014年度文明单位测评结果予以公示，公示期七天。",
    ),
    "leifeng_lianxi": (
        "濂溪区学雷锋志愿服务站挂牌",
        "濂溪区十里街道各社区的学雷锋志愿服务站同日挂牌，首批志愿者上岗。",
    ),
    "zhongguo_jiating": (
        "最美中国家庭评选揭晓",
        "经过推荐和投票，十户中国家庭获评今年的最美家庭。",
    ),
    "guojia_danwei": (
        "我市8个国家级文明单位结对帮扶城市社区",
        "8个国家级文明单位与8个社区一对一结对，帮扶单位每季度走访一次。",
    ),
    "gongqingcheng": (
        "共青城市文明办部署志愿服务月活动",
        "共青城市文明办要求各街道围绕环境整治开展志愿服务。",
    ),
    "haorenbang": (
        "湓浦社区更新身边好人榜",
        "湓浦社区好人榜新增三位好人，其中退休教师张秀英义务辅导孩子功课十年。",
    ),
    "zhang_xiuying": (
        "退休教师的十年义务课堂",
        "每天下午四点，张秀英老人家里的小课桌前坐满了孩子。",
    ),
    "lishan_wenming": (
        "庐山市创建全国文明城市工作推进会召开",
        "会议强调，创建全国文明城市要坚持为民惠民，不搞形式主义。",
    ),
    "chaisang_lijiao": (
        "柴桑区倡导文明礼让",
        "柴桑区在主要路口设置文明劝导岗，机动车礼让行人成为新风尚。",
    ),
    "xiushui_jiafeng": (
        "修水县开展好家风好家训征集活动",
        "修水县妇联面向全县征集好家风、好家训，评出十条优秀家训。",
    ),
    "laji_fenlei": (
        "垃圾分类进社区",
        "志愿者在小区门口指导居民垃圾分类，发放宣传册两千份。",
    ),
    "zhiyuanzhe_lifa": (
        "志愿者为老人义务理发",
        "社区志愿者每月为辖区老人提供义务理发、量血压等服务。",
    ),
    "wuge_yi": (
        "五个一标准化建设全面铺开",
        "每个社区要有一个工作站点、一个品牌项目、一个宣传阵地、一个公益氛围、一个志愿队伍。",
    ),
    "jiangxi_wenming": (
        "江西省文明办检查组来浔督导",
        "检查组实地察看了浔阳区和濂溪区的新时代文明实践站。",
    ),
    "changjiang": (
        "长江岸线环境整治志愿行动",
        "百余名志愿者沿长江岸线清理垃圾，守护一江清水。",
    ),
    "shiyan_shizhang": (
        "市长热线办理情况通报",
        "十二月份市长热线共受理市民诉求三千余件，办结率百分之九十八。",
    ),
    "nanjing_changjiang": (
        "南京市长江大桥公益广告更新",
        "外地城市的经验值得借鉴：公益广告应当贴近群众生活。",
    ),
}

# (query, must find, must not find)
QUERIES: list[tuple[str, set[str], set[str]]] = [
    ("志愿服务", {"zhiyuan_zhidu", "leifeng_lianxi", "gongqingcheng"}, {"laji_fenlei"}),
    ("志願服務", {"zhiyuan_zhidu", "leifeng_lianxi", "gongqingcheng"}, {"laji_fenlei"}),
    ("八里湖社区", {"balihu_shequ"}, {"gantang_shequ", "haorenbang", "laji_fenlei", "wuge_yi"}),
    ("八里湖", {"balihu_shequ", "balihu_xinqu"}, {"gantang_shequ"}),
    ("学雷锋", {"zhiyuan_zhidu", "leifeng_lianxi"}, {"haorenbang"}),
    ("雷锋", {"zhiyuan_zhidu", "leifeng_lianxi"}, {"haorenbang"}),
    ("学雷锋 濂溪区", {"leifeng_lianxi"}, {"zhiyuan_zhidu"}),
    ("WiFi", {"wifi"}, {"ceping_2014"}),
    ("wifi", {"wifi"}, {"ceping_2014"}),
    ("ＷｉＦｉ", {"wifi"}, {"ceping_2014"}),
    ("2014年", {"ceping_2014"}, {"wifi"}),
    ("2014", {"ceping_2014"}, {"wifi", "zhiyuan_zhidu"}),
    ("国家", {"guojia_danwei"}, {"zhongguo_jiating"}),
    ("中国家庭", {"zhongguo_jiating"}, {"guojia_danwei"}),
    ("共青城", {"gongqingcheng"}, {"lishan_wenming"}),
    ("张秀英", {"haorenbang", "zhang_xiuying"}, {"gantang_shequ"}),
    ("好人榜", {"haorenbang"}, {"gantang_shequ"}),
    ("身边好人", {"gantang_shequ", "haorenbang"}, {"zhiyuanzhe_lifa"}),
    ("文明城市", {"lishan_wenming"}, {"chaisang_lijiao"}),
    ("全国文明城市", {"lishan_wenming"}, {"balihu_xinqu"}),
    ("家风", {"xiushui_jiafeng"}, {"zhongguo_jiating"}),
    ("垃圾分类", {"laji_fenlei"}, {"changjiang"}),
    ("义务理发", {"zhiyuanzhe_lifa"}, {"haorenbang"}),
    ("品牌项目", {"wuge_yi"}, set()),
    ("文明实践站", {"jiangxi_wenming"}, {"chaisang_lijiao"}),
    ("长江", {"changjiang", "nanjing_changjiang"}, set()),
    ("市长", {"shiyan_shizhang"}, {"nanjing_changjiang"}),
    ("南京市", {"nanjing_changjiang"}, {"shiyan_shizhang"}),
    ("江西", {"jiangxi_wenming"}, {"changjiang", "zhiyuan_zhidu"}),
    ("湓浦", {"haorenbang"}, {"gantang_shequ"}),
    ("十里街道", {"leifeng_lianxi"}, {"balihu_xinqu"}),
    ("甘棠", {"gantang_shequ"}, {"haorenbang"}),
    ("量血压", {"zhiyuanzhe_lifa"}, set()),
    ("测评结果", {"ceping_2014"}, {"balihu_xinqu"}),
    ("柴桑區 文明禮讓", {"chaisang_lijiao"}, {"lishan_wenming"}),
]

# What a reader or a bot may type: search/tests/test_search.py checks each is answered (200, or
# 400 with the reason) with the query echoed escaped; `manage.py bench_search` times them.
HOSTILE_QUERIES = [
    "",
    "   ",
    "志愿服务" * 750,
    '"',
    '"志愿',
    "*",
    "NEAR(",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "AND OR NOT",
    "志愿 -服务",
]
