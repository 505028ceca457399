"""The complaint model: is this message a grievance about the office, or a public-opinion risk, or a question?

It reads what is said, not one word. A message is weighed on four kinds of evidence:

- a **grievance** of one of the kinds below, written as people write them when they are angry: attitude (态度太差,
  甩脸色, 吼人), delay (效率低, 拖了一个月还没批), running back and forth (跑了三趟, 踢皮球), unfair or arbitrary fines
  (乱罚款, 凭什么罚, 选择性执法), corruption (红包, 吃拿卡要, 关系户), not acting (不作为, 没人管, 电话没人接), being
  refused service (不给办, 不受理, 提前下班), and plain anger at the office (衙门, 什么破单位, 我要投诉你们);
- its **target**: the office, its staff or its service (你们, 海事, 执法人员, 窗口, 办证, 审批). Whom a grievance is
  about is read in its own clause (or the last clause before it that names anyone): a grievance about someone else
  (船东, 中介, 货主, 公司) is not a complaint about the office, even when the office is named elsewhere;
- signs that it is **lived**: said with feeling or about one's own case (太, 真, 了, 凭什么, 我, 今天, 那个人, !);
- signs that it is a **question about a procedure**: how or where to complain or appeal, what a penalty is, what
  something costs or how long it takes (怎么投诉, 去哪投诉, 罚多少, 会被罚吗, 复议期限), the hypothetical (如果, 遇到),
  the general (一般), and praise (态度很好, 效率挺高); and a cue that is negated (没有刁难, 免得跑两趟, 不想来回跑).

A grievance whose strength, target and feeling outweigh the question evidence is a complaint. The cues cannot name
every way of complaining: a message they leave undecided that names the office, asks nothing and praises nothing is
weighed by a **learned part**, character n-gram weights built from the project's labelled sets by
bench/complaint_train.py (data/complaint_ngrams.tsv), with the office's names taken out so that it cannot learn "你们"
for a complaint. A **public-opinion
risk** is a message that threatens or reports taking it outside: the press (记者, 电视台, 曝光), the internet (发抖音,
发到网上, 热搜), the hotlines (12345, 市长热线, 留言板), petitions and higher authorities (信访, 上访, 纪委, 去北京告),
or "everyone should know" (让大家都知道, 公之于众, 评评理); named with intent or as done (我要, 再不…就, 已经, 等着),
or beside a grievance, and not asked about (12345能查通告吗, 信访办在哪). A risk is always a complaint too.

Traditional characters and full-width text are read through the same normalisation as the FAQ matcher. The
model is built in and always on; a knowledge folder cannot switch it off (the office's words for the reply are
settings: complaint_text, complaint_penalty_text, opinion_text, complaint_follow_up).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .reading import normalize

TOPICS = ("attitude", "delay", "runaround", "fine", "corruption", "inaction", "refusal", "general")
OPINION_TOPICS = ("press", "online", "hotline", "petition", "everyone")
TOPIC_LABELS = {
    "attitude": "服务态度", "delay": "办事拖延", "runaround": "来回跑", "fine": "罚款与执法", "corruption": "廉政",
    "inaction": "不作为", "refusal": "拒绝办理", "general": "服务不满",
    "press": "找媒体", "online": "网上曝光", "hotline": "12345等热线", "petition": "信访上访", "everyone": "公开扩散",
}
KIND_LABELS = {"complaint": "投诉", "opinion": "舆情风险"}

# No cue reaches across a clause: punctuation and spaces become this mark before the patterns run.
_CLAUSE = "，"
_NC = r"[^，]"  # any character within the clause

# Grievances: (topic, strength, role, pattern). Strength 3: a grievance in itself (nobody writes 乱罚款 of a rule);
# 2: a grievance once it is about the office or said with feeling; 1: only beside other evidence; 0: adds to another
# grievance, never one by itself (你们管不管). Role "office": the cue itself accuses the office or its staff (乱罚款,
# 红包, 不作为, 衙门) and so stands for the target; "needs": the cue says nothing of the office unless the office or its
# service is named ("没人管" of a fire across the river); "": neither.
GRIEVANCES = [
    # attitude
    # what the office does, then a bad word for it within a few characters ("态度还很凶", "服务真的要好好改改")
    ("attitude", 3, "", r"(?:态度|服务(?!簿|中心|电话|热线|网|时间|窗口|站|区|费|号|平台)|效率|速度|水平|素质|作风|口气|语气|做法)" + _NC +
                        r"{0,5}(?:差|烂|凶|冲|横|拽|恶劣|不好|不行|傲慢|冷漠|粗暴|敷衍|不耐烦|(?:好好|该|得)改|整改|成问题|堪忧|"
                        r"太低|很低|极低)"),
    ("attitude", 3, "needs", r"指着(?:我|我们)|(?:头|眼)都不抬|不抬头|嚷嚷|大声(?:嚷|吼|喊|骂|训|呵斥)|拍桌子|摔(?:东西|材料|本子)|"
                             r"扔(?:给|回)(?:我|我们)"),
    ("attitude", 3, "", r"(?:服务|质量|水平|素质|作风)(?:也|真是|实在)?(?:太|真|很|极|好|超|非常|特别)?(?:差|烂|低|不好|恶劣)|"
                        r"耐心都没有|一点(?:耐心|好脸)|态度(?:也|真是|实在|简直)?(?:太|真|很|非常|特别|极其|极|好|超|那么|这么|挺|相当|蛮)?(?:差|恶劣|不好|不行|烂|"
                        r"蛮横|粗暴|冷漠|傲慢|生硬|横|凶|拽)|什么(?:服务)?态度|啥态度|这(?:种|个)?态度|服务态度"),
    ("attitude", 3, "needs", r"甩脸|脸色(?:看|给)|黑着(?:个)?脸|爱理不理|爱答不理|爱搭不理|不耐烦|摆架子|架子(?:真|太|很|好)?大|官架子|"
                        r"耍威风|阴阳怪气|吼(?:我|人|了|我们)|骂(?:人|我|我们|了)|训(?:我|人|孙子|斥)|凶(?:我|人|巴巴)|瞪(?:眼|我)|"
                        r"刁难|没(?:有)?礼貌|不礼貌|冷冰冰|拽得|这么横|太横|横什么|看不起|瞧不起|狗眼|说话(?:太|很|好)?(?:冲|难听)|"
                        r"趾高气扬|颐指气使|高高在上|当(?:成)?犯人|(?:直接|就|把我?)挂(?:了)?(?:我的?)?电话|挂(?:了)?我(?:的)?电话|"
                        r"不搭理|不理人|欠(?:他|她|你们|你)(?:的)?钱|欠(?:他|她)的|当孙子|二五八万|嫌(?:我|我们|麻烦)|听不懂人话|rude|"
                        r"大呼小叫|(?:白|瞪)了?(?:我|我们)?一眼|翻白眼|(?:一直|只顾|光顾着|在)(?:聊天|玩手机|看手机|打游戏)|干等|"
                        r"没(?:有)?(?:一点)?(?:耐心|好脸)|被(?:训|骂|吼|凶|呵斥)|挨(?:训|骂)|说话" + _NC + r"{0,4}(?:不客气|(?:很|太|这么|那么|好|真|特别)(?:冲|凶|横|拽)|难听|凶)|"
                        r"一边(?:玩|聊|打|吃|看)" + _NC + r"{0,8}一边|聊私事|怼|顶撞|呛(?:我|人)|扭头就走|转身就走|呼来喝去|吆五喝六|一问三不知|爱管不管|"
                        r"不如私人|态度还不如|(?:口气|语气)(?:很|太|特别|好|非常)?(?:差|冲|凶|恶劣|不好)"),
    # delay
    ("delay", 3, "", r"效率(?:也|真是|实在)?(?:太|真|很|极|好|超|这么|那么)?(?:低|差|慢|烂)|破效率|这效率|什么效率|拖拉|拖拖拉拉|"
                     r"磨蹭|磨叽|拖沓|慢吞吞|慢悠悠|蜗牛|石沉大海|杳无音信|遥遥无期|一拖再拖|拖着不|迟迟(?:不|没)|比乌龟|"
                     r"(?<!被)拖了(?:这么久|很久|好久|(?:半|一|两|三|四|五|几|十|\d)+个?多?(?:天|月|周|年|礼拜|星期|小时))"),
    ("delay", 2, "", r"太慢|好慢|真慢|慢死|这么慢|速度(?:太|真|好)?慢|这速度|等(?:了)?(?:半天|一上午|一下午|一天|好久)|损失|耽误|误工"),
    ("delay", 2, "needs", r"(?:到今天|到现在|至今)" + _NC + r"{0,3}(?:还|都|也)?(?:没|不|未)"),
    # a stretch of time, then nothing done: "一个备案弄了快三个星期 还是没有结果", "三个月了都没拿到手"
    ("delay", 3, "needs", r"(?:好几|几|半|快|整整|都|已经|\d|[一二两俩三四五六七八九十]|十几|二十多)+(?:个多?月|个?多?(?:星期|礼拜)|多?天|周|年|个?小时)了?" +
                     _NC + r"{0,8}(?:，" + _NC + r"{0,10})?(?:(?:还|都|也|仍|还是|依然)(?:是)?(?:没|不|未)(?:有)?|没有)"
                     r"(?:结果|拿到|到手|下来|批|办|好|消息|回|来|动静|见|到|寄|发|处理|人理|人管|出|完成)|"
                     r"(?<!被)拖了" + _NC + r"{0,4}(?:\d|[一二两俩三四五六七八九十])+(?:个多?月|天|星期|礼拜|周|年)"),
    ("delay", 3, "needs", r"(?:躺|压|卡|放|搁|拖)(?:了|在)" + _NC + r"{0,6}(?:\d|[一二两俩三四五六七八九十]|几|好几|半)+多?个?多?(?:天|月|星期|礼拜|周|年)|"
                          r"(?:办|弄|搞)了" + _NC + r"{0,2}(?:\d|[一二两俩三四五六七八九十]|几|好几|半)+多?个?多?(?:月|星期|礼拜|周|年)|"
                          r"(?:举报|反映|投诉|报)(?:了)?(?:\d|[一二两俩三四五六七八九十]|几|好几|半)+个?多?(?:天|月|年|周|次|回)了?" + _NC +
                          r"{0,4}(?:，" + _NC + r"{0,8})?(?:还|都|也)(?:在|是|没|不)|"
                          r"整整(?:一|两|三|半)?(?:天|上午|下午|个月|周|星期)|请了" + _NC + r"{0,2}(?:天|次)?假|扣工资|误工|一直(?:说|是|在)(?:在审|审核中|审批中|走流程)"),
    ("delay", 3, "needs", r"没(?:有)?(?:一点|任何|半点)(?:消息|动静|结果|下文|回音|进展|回复|反应)|过了(?:承诺|规定|说好)?的?(?:时限|期限|时间)|"
                          r"(?:排|等)到(?:中午|下午|天黑|下班|晚上)|(?:就|只)开(?:了)?(?:一|两|1|2)个窗口"),
    ("delay", 1, "needs", r"(?:还|都|仍)(?:没|未)(?:有)?(?:办好|办下来|批下来|发下来|寄到|拿到)"),
    ("delay", 3, "", r"等到花儿都谢了|猴年马月|踢来踢去|当(?:成)?皮球|耗(?:了)?(?:一整天|一天|半天|一上午|一下午|\d+个?小时)|"
                     r"快了快了|(?:交|补|改)了又(?:退|补|改)|(?:退|补|改)了又(?:交|补|改)|反反复复|反复(?:退|补|改|跑|折腾)|"
                     r"说的" + _NC + r"{0,10}(?:完全)?不一样|说法不一|口径不一"),
    ("delay", 3, "needs", r"(?:申请|审批|办理|处理|受理|审核)" + _NC + r"{0,6}(?:超期|超时|逾期)|没有(?:任何)?人(?:通知|告诉|联系)"),
    ("delay", 3, "", r"(?:等|排)了" + _NC + r"{0,2}(?:半|一|两|三|\d|几|好几)+个?多?(?:小时|钟头|天|上午|下午)" + _NC +
                     r"{0,4}(?:，" + _NC + r"{0,10})?才|等不起|(?:个半|多)?(?:月|星期|礼拜|天)了?还在(?:审核|审批|走流程|处理|等)|都第几天|第几(?:天|个月|回|次)了|天天说明天|到底(?:哪天|什么时候|啥时候)|(?:什么时候|啥时候)才(?:能)?(?:批|办|好|下来|给)|"
                     r"(?:上周|上次|昨天|之前|前天|当时)说" + _NC + r"{0,8}(?:，" + _NC + r"{0,6})?(?:今天|现在|又|结果)(?:又)?说"),
    # a wait, then nothing ("交上去一个多月了 一点消息都没有", "催了好几次 还是没发下来"); a promise not kept
    ("delay", 3, "", r"(?:等|拖|催|交|过|排|耽误)(?:了)?" + _NC + r"{0,3}(?:好几|好|几|一|两|三|半|十|二十|\d)+" + _NC +
                     r"{0,3}(?:天|个?月|周|个?礼拜|个?星期|个?小时|钟头|上午|下午|次|遍)" + _NC + r"{0,12}(?:，" + _NC +
                     r"{0,12})?(?:(?:还|都|也|仍|依然|还是)(?:没|不|未)|没(?:有)?(?:消息|动静|结果|下文|回音|下来|轮到)|鬼影)|"
                     r"(?:都|已经)(?:半|\d|一|两|三|几)+" + _NC + r"{0,3}(?:天|个?月|周|个?礼拜|个?星期)了" + _NC +
                     r"{0,6}(?:还|都|也)?(?:没|不)|说好" + _NC + r"{0,12}(?:，" + _NC + r"{0,12})?(?:都|还|现在|结果|到现在|到下班|到晚上|也没|却)"),
    # running back and forth
    # trips made, not planned ("跑了三趟", "跑三趟了"; "能先跑两趟吗", "一天跑十几趟" are no grievance)
    ("runaround", 3, "", r"跑了(?:好|\d+|[一二两俩三四五六七八九十]+|好几|几|N)(?:趟|次|回|遍)|"
                         r"跑(?:好|\d+|[一二两俩三四五六七八九十]+|好几|几)(?:趟|次|回|遍)了|(?:已经|都)跑(?:了)?" +
                         r"(?:好|\d+|[一二两俩三四五六七八九十]+|好几|几)(?:趟|次|回|遍)|来回跑|来来回回|跑断腿|腿都跑断|"
                         r"白跑|折腾(?:人|死|我|了)?|踢皮球|推来推去|互相推|推给|推诿|推脱|扯皮|就知道推|"
                         r"一会(?:儿)?(?:让|说|要).{0,14}一会(?:儿)?|补了(?:一次)?又补|一次又一次|最多跑一次|明天又明天|"
                         r"每次(?:来|去)?(?:都)?(?:换|说|让|要|卡)(?:个|一样)?(?:新|不一样|说法)|"
                         r"说(?:找|去|回|归)" + _NC + r"{0,8}，?" + _NC + r"{0,8}说(?:找|去|回|归)"),
    ("runaround", 3, "", r"(?:来|跑|去|打|报|催|问|说|找)了(?:好几|几|\d|[二两俩三四五六七八九十])+(?:次|趟|回|遍)了?" + _NC +
                         r"{0,8}(?:，" + _NC + r"{0,10})?(?:每次|还是|都|也|还|又)|一次性告知|又跑一趟|又让我跑|跑来跑去|"
                         r"不归(?:他|她|我们|你们|他们|这里|这边)?管|每个人都说|(?:说|让我)(?:要)?先去" + _NC + r"{0,8}(?:，" + _NC +
                         r"{0,10})?(?:说|让我)(?:要)?先去|又说要先|来回(?:折腾|跑|弄)|"
                         r"让我(?:去|找)" + _NC + r"{0,8}(?:，" + _NC + r"{0,8})?(?:说|又让我|让我)(?:要)?(?:先)?(?:去|回|找)|"
                         r"(?:每个人|每个|各人)(?:说的|讲的)?都不一样|(?:答案|说法|回答|口径)都不一样|以谁为准|听谁的|说法都不一样|跑了" + _NC + r"{0,3}(?:\d|[一二两俩三四五六七八九十]|几)+个地方|"
                         r"让我(?:来|去)这边|(?:这边|那边)让我去|跑(?:了)?" + _NC + r"{0,3}(?:\d|[一二两俩三四五六七八九十]|几|好几)+个(?:地方|部门|窗口|单位)|"
                         r"第(?:[2-9]|\d\d|[二两三四五六七八九十]|几)(?:次|趟|回)(?:来|跑|去)|(?:来|跑)(?:了)?第(?:[2-9]|\d\d|[二两三四五六七八九十]|几)(?:次|趟|回)"),
    ("runaround", 3, "", r"(?:说|又说)是(?:你们|他们|那边|别人|海事)的事|(?:怎么|为什么|咋)不(?:一起|一次|早)说"),
    ("runaround", 3, "", r"(?:拿|带|补|交|送|办)(?:来|过来|好|齐)?了" + _NC + r"{0,3}又(?:说|要|让)"),
    ("runaround", 1, "", r"又让我|又说"),
    # unfair or arbitrary fines and enforcement
    ("fine", 3, "office", r"乱罚|乱收费|乱扣|乱查|随便罚|随意罚|动不动就罚|就知道罚|就会罚|到处罚|罚(?:得|款)?(?:也)?(?:太|真|好|那么|这么)?"
                          r"(?:狠|重|冤|莫名其妙|离谱|没道理|不合理|不公)|没有(?:任何)?解释(?:就)?|不(?:听)?解释(?:就)?|(?:就|直接)开(?:了)?罚单|凭(?:什么|啥)(?:罚|扣|处罚|查)|选择性执法|钓鱼执法|"
                          r"以罚代管|执法不公|不公(?:正|平)|冤枉|太冤|被冤|找茬|找碴|故意找|说扣就扣|扣船就扣|王法|霸道|"
                          r"不给(?:开)?(?:票|发票|收据)|不开(?:票|收据|发票)|不是事实|没有(?:任何)?依据|缺钱|硬是罚|"
                          r"随(?:便|意)" + _NC + r"{0,8}罚|罚" + _NC + r"{0,10}，?" + _NC + r"{0,3}(?:太|也太|真|好)(?:狠|重|黑|离谱|过分)|"
                          r"罚" + _NC + r"{0,8}(?:太随意|随意|不讲道理|没道理|什么道理|才走|才放)|想罚多少|专(?:门)?罚|非要罚|"
                          r"(?:不罚|没罚)" + _NC + r"{0,4}(?:专|只|就|偏)|创收|挑骨头|挑刺|这(?:也|都)(?:要|能|得)?罚|"
                          r"(?:硬说|非说|说)(?:我们?)?(?:违章|违规|违法)|(?:不出示|没出示)(?:证件)?" + _NC + r"{0,6}(?:就|直接)?(?:罚|扣|查)|"
                          r"(?:被|又)罚了(?:\d|[一二两俩三四五六七八九十])+(?:回|次)|经不起" + _NC + r"{0,4}罚|"
                          r"罚(?:钱|款)?(?:倒是)?(?:挺|很|真)积极|随便扣|交了钱才|也能罚|抢钱|执法还是|只罚不|只(?:会|知道|管)罚|光(?:会|知道)?罚|"
                          r"变相(?:收费|罚款|要钱)|"
                          r"(?:还是|照样|也|都)被罚|照样罚|直接扣(?:了|船|证)|理由(?:太|很)?牵强|(?:就是)?想罚钱|为了罚钱|为罚而罚|一刀切|"
                          r"不看实际情况|不(?:分|问)青红皂白|也被(?:你们)?罚"),
    # corruption
    ("corruption", 3, "office", r"红包|好处费?|吃拿卡要|索(?:要|贿)|受贿|行贿|贪污|腐败|塞钱|给钱(?:才|就)|收(?:了)?钱(?:就|才|不)|"
                                r"伸手要|黑钱|回扣|走后门|关系户|有关系的|有熟人|托关系|称兄道弟|串通|勾结|敲诈|勒索|"
                                r"请(?:他|他们|人)?吃饭(?:才|就)?|(?:两|几)条烟|腰包|太黑了|真黑|好黑|黑幕|意思意思|表示(?:一下|表示)|公开的秘密|"
                                r"吃了" + _NC + r"{0,6}(?:的)?饭|收了" + _NC + r"{0,6}(?:的)?钱|拿了" + _NC + r"{0,6}好处|找了人的|"
                                r"找(?:了)?人(?:就|才)|指定的|内部人员|垄断|交点钱就|给点钱就|塞点钱|私下" + _NC + r"{0,8}(?:加|给|要|收)|"
                                r"黄牛|要烟要酒|送(?:了)?礼|(?:跟|和|与)" + _NC + r"{0,8}分(?:钱|成)|分赃|吃吃喝喝|大吃大喝|亲戚(?:开|的公司)|家属开|"
                                r"只要给" + _NC + r"{0,3}(?:\d|[一二两三四五六七八九十百千万])+|吃回扣|拿回扣|门路|靠关系|有后台|不用排队|插队|是不是有关系|"
                                r"不(?:请客|给钱|送礼|表示)就(?:不|别)|泄露(?:了)?(?:我的)?(?:信息|举报|个人|隐私|名字|电话|身份)|你们泄露|介绍的(?:维修厂|公司|中介|代办)|(?:个人|私人)账户|转账到个人"),
    ("corruption", 1, "", r"私了|要钱|熟人"),
    # not acting
    ("inaction", 3, "office", r"不作为|懒政|睁一只眼闭一只眼|视而不见|装(?:作)?看不见|看不见吗|当耳旁风|耳边风|敷衍|应付了事|"
                              r"不管不问|不闻不问|管都不管|干(?:什么|啥|嘛)吃的|吃干饭|摆设|一条都没回|"
                              r"(?:根本|从来|就是)(?:不|没)(?:管|理|处理|来|回)|"
                              r"(?:你们|海事|热线|咨询电话|值班电话|服务电话|办公电话|监督电话)" + _NC +
                              r"{0,10}(?:没人接|打不通|打不进|忙音)"),
    ("inaction", 3, "needs", r"没人(?:管|理|处理|回|接|来|联系|修|弄)|鬼影|(?:你们|海事|一直|也|都)(?:不|没)(?:管|理|处理|来|回)|"
                             r"当没看见|装(?:作)?没看见|没见(?:有)?人(?:来|管)|从来没(?:有)?人|没有人(?:回|管|理|来|处理)|"
                             r"有没有人(?:在)?管|(?:一直|就是|也)没来|一次都没(?:来|管|回)|(?:拍完|看完|来了)就走|再也没人|一点进展都没有|"
                             r"(?:没|不)(?:进展|下文)|自动回复|形同虚设|聋子的耳朵|扔进(?:水|江|海)里|泥牛入海|没个响|"
                             r"(?:投诉|反映|举报|说)过" + _NC + r"{0,6}(?:，" + _NC + r"{0,6})?(?:还是|也|都|照样)|(?:明天|下次|以后|回头)再说|放任|不管不顾|撒手不管|"
                             r"(?:一直|始终|从来|迟迟|至今)(?:都)?(?:不|没)(?:有)?(?:修|处理|管|来|回|动|出动|解决|理)|一次都没(?:出动|出来|处理)|"
                             r"(?:电话|热线)" + _NC + r"{0,6}(?:占线|打不进|打不通|没人接|无人接听|忙音)"),
    ("inaction", 0, "", r"管不管|没(?:人)?回(?:复|我)|不回复"),
    # refused service
    ("refusal", 3, "office", r"不给(?:我|我们)?(?:办|受理|处理|现场办)|不(?:予)?受理|拒绝(?:办理|受理|给)|拒办|"
                             r"不让(?:我|我们)?(?:进|办)|门都不让进|赶(?:出来|走|我)|就是不收|不收(?:件|材料)|不接待|提前下班|"
                             r"早早(?:就)?下班|(?:就)?不办了|就关(?:了|门)|说办不了|一律不办|硬是让|"
                             r"(?:窗口|大厅)" + _NC + r"{0,6}(?:没人|一个人都没有)|连续" + _NC + r"{0,8}不办|"
                             r"找(?:各种)?理由(?:不|拒)|(?:就是|他们|硬是)不(?:接|办|给|开)|不办了|让我自己想办法|号(?:已经)?发完|"
                             r"不收(?:材料|件)了|(?:外地|外省)的?" + _NC + r"{0,6}不(?:管|办|给)|(?:被)?无缘无故(?:退回|驳回|拒)|"
                             r"退回了(?:\d|[一二两俩三四五六七八九十]|好几)+次|还没到下班|(?:说|就)" + _NC + r"{0,10}办不了|"
                             r"(?:\d|[一二两俩三四五六七八九十])+点(?:多|半)?就(?:没人|关门|下班|不办|关了|不收)|(?:就说|说)" + _NC + r"{0,8}不办"),
    # anger at the office or its service
    ("general", 3, "office", r"衙门|破单位|官老爷|对(?:得起|不起)(?:我们)?(?:纳税人|老百姓|群众|良心|这身)|没见过这么|不会(?:就)?(?:这么|这样)算了|善罢甘休|走着瞧|(?:强烈)?要求(?:更换|撤换|处分|处理|调查)(?:那个|这个|窗口|工作人员|执法|你们)|没一个(?:办实事|管事|办事)|不办实事|为谁服务|到底要我(?:怎样|怎么样|怎么办)|(?:我要|我想|叫|让)找(?:你们)?(?:的)?领导|你们领导(?:呢|在哪|出来)|为人民服务(?:的)?吗|(?:这么|这样)为人民服务|(?:不是|不)为老百姓|"
                             r"不为(?:我们|老百姓|船民|船员|群众)" + _NC + r"{0,4}(?:考虑|着想|服务|办事)|"
                             r"还(?:说什么|好意思(?:说|叫)?)(?:服务|便民)|^(?:我)?(?:要)?投诉(?:，(?:我)?(?:要)?投诉)*$|"
                             r"(?:我|我们)?要投诉|想投诉|投诉(?:一下)?(?:你们|他|她|这个|那个|窗口|执法|工作人员|船员科|.{0,6}的人)|"
                             r"举报你们|举报" + _NC + r"{0,8}(?:工作人员|执法人员|执法的|检查的)|"
                             r"不把.{0,6}当人|(?:我们|老百姓|船民)" + _NC + r"{0,6}容易吗"),
    ("general", 3, "", r"(?:这么|那么)(?:差|烂|黑)|什么破|烂透|什么玩意|啥也不是|欺负人|欺人太甚|太过分|过分了|不讲理|反人类|服了(?!解)|气死|"
                       r"受(?:了)?(?:一肚子|一肚)?气|受的气|最差|太差(?:了|劲)|真差|差劲|太烂|真烂|办事难|难于上青天|作风|"
                       r"强烈不满|非常不满|很不满|严重不满|要求(?:重新处理|给个说法)|讨(?:个)?说法|搞什么(?:名堂|鬼)|什么名堂|"
                       r"什么风气|歪风"),
    # ill words, said of the office ("你们这帮人 恶心", "对你们的工作非常失望")
    ("general", 2, "needs", r"不像话|失望|恶心|不讲(?:道)?理|讲不讲理|什么道理|像话吗|岂有此理|坑人|坑爹|骗人|骗子|忽悠|糊弄|心寒|寒心|"
                            r"憋屈|窝火|火大|气人|愤怒|委屈|荒唐|可笑|奇葩|离谱|丢人|丢脸|可耻|无耻|缺德|没良心|丧良心|"
                            r"妈的|他妈|tmd|混蛋|王八蛋|狗日|傻逼|傻b|sb|滚|狗屁|扯淡|放屁"),
    # the way complaints are told, whatever they are about: rhetorical questions (这合法吗, 有你们这样办事的吗),
    # the unexpected (硬说, 无缘无故, 结果…还没), the unequal (人家…就没事, 别的地方一天就办完), the cost to the
    # teller (经不起, 没法上船, 一家人等着吃饭), demands (给个说法, 必须整改) and contempt (就这素质)
    ("general", 2, "needs", r"(?:这|这样|这也)(?:合法|合理|公平|正常|像话)(?:吗|么|嘛)|有(?:你们)?这样(?:办事|做事|执法|服务|对待)|"
                            r"像话吗|还有没有|能不能好好|就这(?:素质|水平|态度|效率|服务|速度)|好好说话|"
                            r"硬(?:说|要|是)|无缘无故|莫名其妙|不明不白|一点(?:进展|消息|耐心|用|人情味)?都没有|一点都不|"
                            r"倒是挺|就这样也能|都不对|不知道别问|别问了|爱办不办|"
                            r"(?:人家|别人|别的(?:船|地方))" + _NC + r"{0,10}(?:就没事|就|都|没事|一天)|同样" + _NC + r"{0,6}(?:人家|别人|就)|"
                            r"经不起|没法(?:上船|干活|开船|生活|过)|等着吃饭|小本生意|活不下去|还让不让人活|"
                            r"给(?:我|我们)?(?:一)?个(?:说法|解释|交代)|给(?:我|我们)(?:一个)?(?:说法|解释|交代)|出来(?:给|解释|说清楚)|必须(?:整改|道歉|给|处理)|道歉|别(?:再)?让(?:人|我们?)|"
                            r"(?:慢|烦|气|急|热|累)(?:得要死|死了|死人)|一肚子(?:火|气)|真是够了|受够了|够了"),
    # anger and contempt, said of the office: "执法大队的队长说话跟土匪一样", "让人失望透顶", "我非常生气"
    ("general", 2, "needs", r"愤慨|激愤|愤懑|发怒|可气|来气|恼火|愤怒|气愤|怒气|抗议|羞愤|不忿|光火|冒火|上火|气呼呼|气鼓鼓|没好气|"
                            r"不服气|气冲冲|火冒三丈|气死人|生气|岂有此理|人神共愤|民怨沸腾|怨声载道|愤愤不平|忍无可忍|怨气|"
                            r"土匪|强盗|流氓|恶霸|地痞|黑社会|吸血鬼|蛀虫|不要脸|卑鄙|可恶|无赖|猖狂|嚣张|横行霸道|仗势欺人|"
                            r"狗仗人势|以权压人|目中无人|讽刺|挖苦|嘲笑|羞辱|侮辱|歧视|看扁|冷嘲热讽|推三阻四|敷衍塞责|"
                            r"混日子|尸位素餐|不负责任|不负责|失职|渎职|玩忽职守|官官相护|暗箱操作|徇私|舞弊|一手遮天|"
                            r"失望透顶|太失望|不近人情|没有人情味|乱来|胡来|瞎搞|瞎弄|马虎|草率|不像样|比登天还难|难如登天|难于登天|离谱|过分|变本加厉|雪上加霜|欺软怕硬|看人下菜|"
                            r"区别对待|双标|双重标准|倒好|好声好气|(?:慢|差|低|乱|贵|黑|凶|冲|烂|难)得(?:离谱|要命|要死|不行|可怕|出奇|吓人)|"
                            r"全凭|看心情|一张嘴|说了算|想怎么" + _NC + r"{0,3}就怎么|(?:到底|究竟)(?:听谁的|谁说了算|处理(?:了)?没有|办不办)|"
                            r"给(?:个|句)准话|(?:整天|天天|一天到晚)(?:在)?干(?:嘛|什么|啥)|没有一个人|没一个人|"
                            r"比" + _NC + r"{1,6}还(?:多|贵|慢|严|狠|重)|理由(?:都)?说不(?:清|出)|说不上来|(?:也)?没人告诉"),
    ("general", 2, "needs", r"无语|不满意|不满|有意见"),
    # emphatic negation said of the office ("根本不看实际情况", "连个人影都没有", "你们就是不批")
    ("general", 2, "needs", r"(?<!我)(?:根本|压根|完全|一点也|一点都|从来|连" + _NC + r"{0,6}(?:都|也))(?:不|没)(?:有)?|"
                            r"就是不(?:批|给|办|接|开|同意|受理|签|理)|(?:都|也)不(?:告诉|解释|通知|讲清楚|说清楚)|有道理吗|讲不讲道理|谁受得了|受不了|欺负|"
                            r"(?:急|气|烦|慢|累)死(?:个)?人|吃了(?:火药|枪药)|火药味|吓(?:哭|坏)|大吼大叫|翻箱倒柜|"
                            r"能不能快点|快点(?:办|批|给)|每天(?:都)?(?:要)?(?:损失|交费|交钱|花钱|亏)|"
                            r"人影|还是老样子|依然如故|一点没变|照旧|说过(?:好几次|多少次|几次)?" + _NC + r"{0,6}(?:还是|也|都)"),
    ("general", 1, "", r"垃圾(?!记录|处理|分类|袋|桶|接收|回收|费|箱|站|船|场)|太难了|凭(?:什么|啥)"),
]
# The office, its staff, its service.
TARGET = re.compile(
    r"你们|您们|海事|执法|工作人员|窗口|办事(?:员|大厅|人员|的)|大厅|科长|所长|局长|处长|队长|领导|科室|船员科|登记科|检验科|"
    r"检查的|检验员|验船师|公务员|当官|衙门|单位|政府部门|部门|总局|分局|海事处|海事所|支队|大队|海巡|执法艇|执法船|(?:那|这)(?:个|位)(?:女|男|人|小伙|大姐|姓|戴)|小伙子|"
    r"小姑娘|大姐|工号|接电话的|接待的|这帮人|这些人|姓.(?:的|科长|所长)|一群|the staff|your"
)
# The office's service, a target only when no other party is named.
SERVICE = re.compile(r"审批|办证|办理|受理|盖章|证书|签注|证件|热线|公众号|留言|系统|材料|检验|过检|验船|检查|排队|叫号|办事|办个|批|"
                     r"服务|反映|举报|投诉|报了|说了(?:几|好几|\d)|催|回复|答复|规定|政策|制度|证|备案|登记|变更|审核|申请|手续|"
                     r"(?<!咋)(?<!怎么)(?<!么)办(?!法)|章|效率|罚|处罚|扣船|扣证|执法|查")
# Other parties: a grievance about them alone is not about the office.
OTHERS = re.compile(r"船东|船老板|老板|船公司|公司|中介|代办|代理|货主|培训(?:学校|机构)|学校|劳务|对方|隔壁|邻居|船厂|维修厂|"
                    r"修船厂|工厂|商店|饭店|"
                    r"码头方|保险|银行|券商|商家|快递|物业")

# Said with feeling, or about one's own case.
FEELING = re.compile(r"太|真|简直|根本|到底|居然|竟然|究竟|就是|凭|还|又|都|硬是|明明|了|我|今天|刚才|刚刚|上次|昨天|那个|这个|你们|"
                     r"那位|这位|啊|呀|吧|!|！|\?{2,}|？{2,}")

# A question about a procedure, what a penalty is, what something costs or takes.
PROCEDURE = [
    (4, r"如果|假如|要是|万一|假设|一旦|倘若|遇到|碰到|遇上"),
    (3, r"怎么(?:投诉|举报|反映|申诉|复议|起诉|申请|交|缴|办理|查|写|联系|确认|预约|弄|算|送|评价|处罚|罚)|如何|(?<!要我)(?<!让我)怎样|"
        r"去哪(?:里|儿)?|在哪(?:里|儿)?|哪里|向(?:谁|哪)|找谁|找哪|哪个(?:部门|窗口|机关|法院|单位)|"
        r"什么(?:渠道|途径|方式|材料|信息|电话|要求|意思|区别|原因|处罚|内容)|打(?:啥|什么|哪个|哪)(?:个)?电话|(?:啥|哪个)电话|多长时间|渠道|途径|电话(?:是)?多少|是多少|罚多少|多少钱|"
        r"罚款多少|多少天|多久|(?<!好)几天|几个(?:工作日|月)|(?<!没有)(?<!没)标准|依据|会不会|(?<!只)(?<!就)会(?:被)?(?:罚|处罚|扣|影响)|(?<!非)(?<!也)(?<!都)要罚|(?<!你们)(?<!您们)能不能|能否|可不可以|"
        r"(?:要|需)?提供什么|要准备什么|需要什么|有没有(?!王法|天理|搞错)|是不是真的|是什么(?!风气|态度|服务|玩意|东西|单位|效率|破)|什么叫|区别|需要(?:准备|提供|什么)|准备什么|要带|带什么|期限|(?<!过了)(?<!承诺)时限|怎么办理|一般"),
    (2, r"可以" + _NC + r"{0,12}吗|能" + _NC + r"{0,12}吗|需要" + _NC + r"{0,12}吗|会" + _NC + r"{0,10}吗|(?<!我)要" + _NC +
        r"{0,8}吗|请问|想问|咨询(?!费)|问一下"),
    # asking what to do about something: a question, unless a strong grievance outweighs it ("乱罚款怎么办")
    (1, r"咋办|怎么办|如何是好|怎么处理"),
]
PRAISE = re.compile(r"很好|挺好|不错|很快|挺快|点赞|表扬|感谢|谢谢|很耐心|很客气|很专业|很热情|很清楚|锦旗|辛苦|很满意|满意了|"
                    r"(?<!不)负责(?!任|的|人)|致敬|热心|周到|好评|顺利|高效|效率(?:很|挺|真|非常|特别)?高")
# Any question at all: the learned part only reads statements (a rhetorical question is left to the cues).
ASKS = re.compile(r"[吗么呢嘛][，]?$|[?？]|几点|什么时候|啥时候|多少|哪|谁|怎么|怎样|如何|为什么|为啥|是不是|能不能|可不可以|"
                  r"(?:什么|啥)(?:意思|情况)|"
                  r"有没有|要不要|行不行|对不对|是否|请问|想问|请教|咨询|查一下|查询")
# A cue right after one of these is not said of the office ("没有刁难我们", "免得跑两趟", "不想来回跑").
NEGATION = re.compile(r"(?:没有|没|不|并不|从不|从来不|一点(?:都|也)?不|免得|以免|省得|避免|不想|不用|不必|不会|别|防止|(?<!不)怕)$")

# Public-opinion risk, as an act of taking it outside (needs no stated intent, only not to be asked about).
OPINION_ACTS = [
    ("press", r"曝光(?!台)|曝(?:出来|出去|了)|捅(?:到|给|出去)|上了?(?:新闻|电视|报纸|头条)|上了报|登(?:报|出来)|写(?:篇)?稿|报道(?:一下|出来|出去)"),
    ("online", r"(?:发|传|挂|放)(?:到|在|上)?(?:网上|网络|微博|抖音|朋友圈|快手|小红书|头条|视频号|群里|b站|知乎|贴吧)|(?:上|在)网(?:上)?曝光|"
               r"上热搜|热搜|发帖|发了(?:个)?帖|(?:群里|网上|朋友圈)" + _NC + r"{0,12}转(?:了|发)|(?:视频|录像|录音|照片|截图)" + _NC + r"{0,4}(?:发出去|放出去|传出去)|让你们火|"
               r"(?:发|贴)(?:在|到)?" + _NC + r"{0,6}论坛|大家都在顶|群里(?:发了|说了|都在)|网上" + _NC + r"{0,4}(?:举报|投诉|曝)|评论区|都在骂|(?:网上|网络|抖音|微博)" + _NC + r"{0,6}(?:发了|骂|全是)|全是骂|直播|(?:好多人|很多人|大家都在|都在|被)转发|转发(?:了)?(?:好多|很多|上千|几百|\d+)|传开|"
               r"大家都在(?:骂|传|说|转)"),
    ("hotline", r"打(?:了)?(?:个)?12345|打(?:了)?市长热线|在12345|12345投诉|留言板" + _NC + r"{0,4}(?:上)?(?:留言|反映)"),
    ("petition", r"上访|去信访|信访局告|领导的领导|去(?:市|省|区)?(?:交通局|交通厅|交通运输局|政府|纪委|信访办|信访局)|(?:去|到|找)" + _NC + r"{0,6}(?:厅|市政府|政府|局长|领导|纪委|上级)" + _NC +
                 r"{0,6}(?:反映|告|讨说法|闹|投诉)|告你们|告到(?:底|法院|上面|上级|北京|省|市|部|中央)|(?:去|要|我)告(?!诉)|(?:去|到)" + _NC + r"{0,4}(?:市里|省里|北京|上面)告|往上告|一级一级|联名|拉横幅|"
                 r"门口" + _NC + r"{0,6}(?:讨说法|拉|堵|静坐|坐着|闹)|(?:向|找)上级(?:部门|领导)?(?:反映|投诉|告)"),
    ("everyone", r"让(?:大家|大伙|所有|全|整个|网友|每|更多|乡亲|众人|各位)" + _NC + r"{0,10}(?:知道|看|评|明白|清楚)|公之于众|评评理|真面目|"
                 r"告诉" + _NC + r"{0,10}(?:每一个|所有|大家)|人人都知道|都别来|让社会|社会舆论|舆论|人尽皆知|尽人皆知|满城风雨|所有" + _NC + r"{0,6}群(?:里)?(?:说|发)|"
                 r"(?:群里|到处)(?:说|发|讲)这"),
]
# Public-opinion risk, as a thing named: a risk only with intent ("我要找记者") or beside a grievance.
OPINION = [
    ("press", r"记者|媒体|电视台|报社|日报|晚报|都市报|零距离|新华社|人民日报|上新闻|登(?:报|出来)|报道|曝光(?!台)|焦点访谈|央视|写(?:篇)?稿"),
    ("online", r"帖子|阅读量|发(?:到|在|上)?(?:网上|网络|微博|抖音|朋友圈|快手|小红书|头条|视频号|群里|b站|知乎|贴吧|网)|(?:上|在)网(?:上)?曝光|"
               r"热搜|网友|全网|发帖|转发|传开|大家都在(?:骂|传|说|转)|直播|录(?:下来|了|像)|拍(?:下来|了视频)|截图"),
    ("hotline", r"12345|市长(?:热线|信箱)|省长信箱|领导留言板|留言板|人民网|政务(?:服务)?热线|便民热线|市民热线|"
                r"(?:政府|政务)网站" + _NC + r"{0,2}留言"),
    ("petition", r"上访|信访|纪委|监委|监察委|纪检|督察|巡视组|上级|省海事局|省局|长江(?:海事)?局|市政府|区政府|省政府|交通(?:运输)?部|部海事局|部里|省里|省厅|北京|往上告|一级一级|"
                 r"告你们|联名|拉横幅|门口" + _NC + r"{0,6}(?:讨说法|拉|堵|静坐)|集体"),
    ("everyone", r"让(?:大家|所有人|全(?:国|网|市|世界|镇江)|整个|网友|全国人民|每个人|每一个|更多人|社会)|公之于众|评(?:评)?理|真面目|"
                 r"告诉" + _NC + r"{0,10}(?:每一个|所有|大家)|人人都知道|都别来"),
]
# Intent to take it outside, or having done so.
INTENT = re.compile(r"我(?:要|会|就|去|得|想|已经|准备|打算|马上|明天|回头|认识|朋友|们)|我有(?:个|一个)?(?:同学|朋友|亲戚|熟人|兄弟)|跟(?:他|她|他们)说了|要(?:去|找|发|上|让)|再不|不给" + _NC +
                    r"{0,10}就|不解决|不处理|不行(?:我)?就|等着|信不信|不怕|我(?:把|发|打|找)|大不了|看你们|让" + _NC + r"{0,8}(?:知道|看|评理|看清)|"
                    r"已经|都在|传开|好多人|一起|商量好|联系好|打了|写信|留言了")
# Asking about one of those as a service ("信访办公室在哪里", "12345能查航行通告吗", "记者拍摄需要办许可吗").
OPINION_QUESTION = re.compile(r"在哪|去哪|哪个部门|找谁|哪天|是哪|是什么|什么时候|怎么(?:走|办理|申请|联系|预约)|需要" + _NC + r"{0,12}吗|要" + _NC +
                              r"{0,8}吗|能" + _NC + r"{0,12}吗|可以" + _NC + r"{0,12}吗|是真的吗|有没有|区别|几点|"
                              r"处理吗|管吗|的吗$|是不是|电话(?:是)?多少|一回事|区别")

# Penalty words that, in a complaint, make the reply name 行政复议 / 行政诉讼.
PENALTY = re.compile(r"罚|处罚|扣船|扣证|扣押|滞留|吊销|记分|执法")

THRESHOLD = 3  # grievance + target + feeling - question, for a complaint
# The learned part (bench/complaint_train.py): character n-gram weights, summed over a message's distinct n-grams.
LEARNED_FILE = Path(__file__).with_name("data") / "complaint_ngrams.tsv"
# Chosen on a fresh set written after the rules (the eighth round of bench/complaints.yaml, before it joined the
# training data), against ../shared/bench/finance/dev.yaml and bench/distress_holdout.yaml (never trained on):
#   threshold   8: 29/38 recognised, 14/1200 and 3/330 false positives;  12: 26/38, 11/1200, 0/330;
#              20: 23/38, 7/1200, 0/330;  30: 17/38, 4/1200, 0/330;  rules alone: 12/38, 4/1200, 0/330.
LEARNED_THRESHOLD = 12.0


@dataclass
class ComplaintReading:
    """What the model read in one message."""

    kind: str | None = None  # "complaint" | "opinion" | None
    topic: str | None = None  # one of TOPICS (or OPINION_TOPICS for a risk)
    penalty: bool = False  # about a fine or penalty: the reply names 行政复议 / 行政诉讼
    score: float = 0.0
    evidence: list = field(default_factory=list)

    @property
    def label(self) -> str:
        """The kind and topic in Chinese, for the staff pages: "投诉·服务态度"."""
        if not self.kind:
            return ""
        topic = TOPIC_LABELS.get(self.topic or "", "")
        return KIND_LABELS[self.kind] + (f"·{topic}" if topic else "")


_GRIEVANCES = [(topic, power, role, re.compile(p)) for topic, power, role, p in GRIEVANCES]
_PROCEDURE = [(power, re.compile(p)) for power, p in PROCEDURE]
_OPINION = [(topic, re.compile(p)) for topic, p in OPINION]
_OPINION_ACTS = [(topic, re.compile(p)) for topic, p in OPINION_ACTS]


def ngrams(text: str) -> list:
    """The character 1-, 2- and 3-grams of a message's clauses (none across a clause boundary), the words that name the
    office taken out: the learned part's features. Without the office's names it cannot learn that a message is a
    complaint because it says 你们 (the target is checked apart)."""
    out = []
    for clause in TARGET.sub(_CLAUSE, clauses(text)).split(_CLAUSE):
        for n in (1, 2, 3):
            out += [clause[i:i + n] for i in range(len(clause) - n + 1)]
    return out


@lru_cache(maxsize=1)
def learned_weights() -> dict:
    """feature -> weight, from LEARNED_FILE ({} when the file is missing: the rules alone then decide)."""
    if not LEARNED_FILE.exists():
        return {}
    out = {}
    for line in LEARNED_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            feature, _, weight = line.partition("\t")
            out[feature] = float(weight)
    return out


def clauses(text: str) -> str:
    """The message normalised, its clauses joined by one mark (punctuation and spaces end a clause)."""
    spaced = normalize(text)
    return _CLAUSE.join(spaced.split())


def _clause_at(s: str, at: int) -> str:
    """The clause of ``s`` around position ``at``."""
    start = s.rfind(_CLAUSE, 0, at) + 1
    end = s.find(_CLAUSE, at)
    return s[start:end if end >= 0 else len(s)]


def _party(s: str, at: int) -> str | None:
    """Whom the clause around ``at`` is about: "office", "others" or None; a clause that names nobody is about
    whoever the clause before it named ("船东态度恶劣，拒绝给我们发工资")."""
    end = s.find(_CLAUSE, at)
    end = end if end >= 0 else len(s)
    while end > 0:
        start = s.rfind(_CLAUSE, 0, end) + 1
        clause = s[start:end]
        if TARGET.search(clause):
            return "office"
        if OTHERS.search(clause):
            return "others"
        end = start - 1
    return None


class ComplaintModel:
    """Reads messages for complaints and public-opinion risks. Build once; ``read`` is thread-safe."""

    def read(self, text: str) -> ComplaintReading:
        """Judge one message (as typed, or already normalised)."""
        raw = text or ""
        s = clauses(raw)
        if not s:
            return ComplaintReading()
        evidence: list = []
        office = bool(TARGET.search(s))
        others = bool(OTHERS.search(s)) and not office  # until the grievance's own clause is known, below
        target = 0
        if office:
            target = 2
            evidence.append("target")
        elif SERVICE.search(s):
            target = 1
            evidence.append("service")
        grievance, topic, accuses, where = self._grievance(s, target, evidence)
        if grievance:
            # Whom a grievance is about is read in its own clause: "代理公司办事太慢了，能不能自己去窗口办" is about
            # the agent, "船检证书拖了快俩月，船东天天骂我" is about the office as well.
            others = bool(where) and all(_party(s, at) == "others" for at in where)
            if others:
                evidence.append("others")
        if accuses and not target:
            target = 1  # 乱罚款, 红包, 不作为: said of the office whoever is named
        feeling = min(3, len({m.group(0) for m in FEELING.finditer(s)}) + (1 if re.search(r"[!！]", raw) else 0))
        question = self._question(s, evidence)
        score = 0.0
        complaint = False
        if grievance and not others:
            score = grievance + target + feeling - question
            # A weak cue alone (凭什么, 还没办下来) is no grievance: it needs another beside it.
            complaint = score >= THRESHOLD and grievance >= 2 and bool(target or feeling)
        opinion_topic = self._opinion(s, raw, complaint or grievance >= 3, evidence)
        if opinion_topic:
            return ComplaintReading("opinion", opinion_topic, bool(PENALTY.search(s)), max(score, THRESHOLD), evidence)
        if not complaint and target and not others and not question and opinion_topic is None \
                and not ASKS.search(s + ("？" if re.search(r"[?？]", raw) else "")):
            # Said of the office, no question and no praise, but in words the cues do not name: the learned part.
            learned = sum(learned_weights().get(f, 0.0) for f in set(ngrams(raw)))
            # Only the office's service named (办证, 审批), not the office: the evidence must be twice as strong.
            if learned > LEARNED_THRESHOLD * (1 if office else 2):
                evidence.append(f"learned:{learned:.0f}")
                complaint, topic, score = True, topic or "general", max(score, THRESHOLD)
        if complaint:
            penalty = topic == "fine" or bool(PENALTY.search(s))
            return ComplaintReading("complaint", topic, penalty, score, evidence)
        return ComplaintReading(None, None, False, score, evidence)

    @staticmethod
    def _grievance(s: str, target: int, evidence: list) -> tuple:
        """(strength, topic, whether a cue accuses the office itself, where each cue is) of the strongest grievance
        cue not negated; a second cue of another kind adds one."""
        best, topic, found, accuses, where = 0, None, set(), False, []
        for name, power, role, pattern in _GRIEVANCES:
            if role == "needs" and not target:
                continue
            for m in pattern.finditer(s):
                if NEGATION.search(s[max(0, m.start() - 4):m.start()]):
                    continue
                found.add(name)
                if power >= 2:
                    where.append(m.start())
                accuses = accuses or (role == "office" and power >= 3)
                evidence.append(f"{name}:{m.group(0)}")
                if power > best:
                    best, topic = power, name
                break
        if len(found) > 1 and best:
            best += 1  # two kinds of grievance in one message ("跑了三趟 效率太低")
        return best, topic, accuses, where

    @staticmethod
    def _question(s: str, evidence: list) -> int:
        """How strongly the message reads as a question about a procedure, or as praise."""
        total = 0
        for power, pattern in _PROCEDURE:
            hits = {m.group(0) for m in pattern.finditer(s)}
            if hits:
                total += power if power == 4 else min(power + len(hits) - 1, power + 2)
                evidence.append("question:" + "/".join(sorted(hits)))
        if PRAISE.search(s):
            total += 4
            evidence.append("praise")
        return total

    @staticmethod
    def _opinion(s: str, raw: str, aggrieved: bool, evidence: list) -> str | None:
        """The kind of public-opinion risk threatened or reported, or None."""
        asked = OPINION_QUESTION.search(s)
        for topic, pattern in _OPINION_ACTS:
            m = pattern.search(s)
            if m and not NEGATION.search(s[max(0, m.start() - 3):m.start()]) and (aggrieved or INTENT.search(s) or not asked):
                evidence.append(f"opinion:{topic}:{m.group(0)}")
                return topic
        for topic, pattern in _OPINION:
            m = pattern.search(s)
            if not m or NEGATION.search(s[max(0, m.start() - 3):m.start()]):
                continue
            intent = INTENT.search(s)
            if (intent or aggrieved) and not (asked and not aggrieved):
                evidence.append(f"opinion:{topic}:{m.group(0)}")
                return topic
        return None
