"""The distress model's vocabulary (``distress.py`` reads with it): the events, the calls for help, the signs that a
message is live, and the frames that say it only talks about an event.

Each pattern is general knowledge of how people on the water and ashore speak of emergencies, written as the
combinations they use; the comment above a group names the kind of message that asked for it. Words with an
everyday sense as well are marked to count only on the water (strength 2 in HAZARDS).
"""
from __future__ import annotations

import re

from .distress_kinds import CATEGORY_LABELS  # noqa: F401  (read with the vocabulary)


_WHO = (r"(?:人|船员|水手|船老板|船老大|船主|孩子|小孩|娃|儿子|女儿|老人|老头|老太|老婆|老公|媳妇|爱人|同事|兄弟|伙计|师傅|船长|大副|"
        r"二副|三副|轮机长|轮机员|机工|水头|潜水员|旅客|乘客|游客|学生|男孩|女孩|闺蜜|渔民|农民|村民|路人|行人|司机|驾驶员|工人|他|她|(?:一|两|\d+)个(?!集装箱|箱|木头|木板|东西|桶|浮|袋|瓶|轮胎|塑料)|俩|老两口|两口子|一家人|朋友|家人|妈|爸|爷|奶|"
        r"哥|姐|弟|妹|男的|女的)")
# Not found, of what is no person: 还没找到工作 / 对象 / 原因.
_FOUND_NO_ONE = r"(?!工作|对象|房|车|票|证|地方|合适|人家|活|路|原因|问题|答案|方法|办法)"
# Someone swimming or a small craft, and a big ship coming at them.
_SMALL_ON_WATER = r"(?:游泳的|在(?:江|河|水)里游|游泳|野泳|皮划艇|划艇|桨板|小划子|舢板|橡皮艇|竹筏|小木船)"
_BEARING_DOWN = (r"(?:(?:大船|货船|大货船|轮船|船队|驳船|客轮|大轮|油轮)(?:正|正在|直直?地?|径直|一直)?(?:往|朝|向|冲着)"
                 r"(?:这边|他们?|她|那边|这里|我们|我这)(?:开|冲|驶|压)|(?:大船|货船|大货船|轮船|船队|驳船|客轮|大轮|油轮)"
                 r"(?:正|正在|直直?地?|径直)?(?:开|冲|驶|压)过来)")
_WATER = r"(?:江|河|水|海|湖|浪|船下|舷外|闸室)"
_FALL = r"(?:掉|落|跌|摔|滑|翻|栽|坠|跳|扎)"
_LINE = r"(?:缆|缆绳|缆桩|拖缆|拖绳|系缆|绳|绳子|钢缆|钢丝绳|锚链|锚链子|链子|拖带)"
_MACHINE = r"(?:(?<!ais)(?<!雷达)(?<!电脑)主机|舵|舵机|推进器|螺旋桨|桨|机舱|发电机|舵叶|轮机|副机|尾轴|挂机|挂桨机)"
# Machines that are not only a ship's: a failure counts when the message is about a ship or the water.
_ANY_MACHINE = r"(?:发动机|机器|马达|引擎|柴油机|车|电(?!话|视|脑|台|梯)|电瓶|机子|方向|engine)"
WATER_CONTEXT = re.compile(r"12395|泊位|竹竿|船|舱|洲|舷梯|引水梯|软梯|江|河|水|泳|码头|锚|驳|趸|甲板|航|桥|浮|岸|舵|缆|海(?!员|事)|渡|艇|拖轮|轮|港|滩|湖|值班|伙计|水手|打鱼|捕鱼|渔|救生")
_VESSEL = r"(?:船|驳|驳船|趸船|拖轮|渡船|快艇|艇|货船|渔船|客船|挂桨|划子|竹筏|我们|我)"
# A registered inland ship's name: province, place, kind, number (鄂荆州货0033, 赣鄱阳货0866, 苏油12).
_SHIP_NAME = r"(?:[沪渝冀豫云辽黑湘皖鲁苏浙赣鄂桂甘晋陕吉闽贵粤川宁琼][\u4e00-\u9fff]{0,3}(?:货|客|油|渡|拖|驳|渔|工|运|化)\d{2,})"
# All were saved or found but one: the one still missing outweighs the rescue ("其他人都救上来了 就他没找到").
STILL_MISSING = (r"下落不明|去向不明|还差(?:一个|两个|\d+个)|(?:(?:就|只有|只剩|就剩|唯独|还有)(?:他|她|一个|一人|\d+个|两个|我\w{0,2})|另(?:外)?(?:一)?(?:个|位))(?:人|老人|孩子|小孩|船员)?(?:还)?没(?:有)?"
                 r"(?:找到|找着|看到|上来|救上来|捞上来|出来)|还有(?:一个|两个|\d+个|个)(?:人|老人|孩子|小孩|船员)?(?:还)?在(?:水|江|河)里|"
                 rf"{_WHO}(?:的船)?还没(?:有)?(?:回来|回家|找到|上来|出来)")
_SPOT = r"(?:桥墩|桥|大桥|码头|趸船|岸|堤|浮|浮标|浮筒|礁|石头|船|对面|岸边|护岸|闸|闸门|墩)"

# (category, strength, pattern). Strength 3: the event itself; 2: an event that also names ordinary things
# and needs one sign of being live, or no sign of being a question about it.
# Restricted visibility, and signs of being blind in it with ships about (rounds 32-33).
_FOG = r"(?:大雾|浓雾|起雾|雾(?:很|太|特别)?大|雾里|能见度(?:不到|只有|很低|低|差|几乎为零|为零))"
_BLIND = (r"(?:(?:雷达|ais).{0,4}(?:坏|没了|黑屏|黑了|失灵|故障|不显示)|不知道(?:自己)?在哪|迷航|贴着(?:过|走|开)|"
          r"(?:汽笛|鸣笛|笛声).{0,8}(?:往|朝|向|越来越近|就在)|越来越近|差点(?:撞|蹭|碰))")
# Warning signs of suicide that crisis lines teach, weighed together (distress._self_harm): last words, a note, things
# given away, affairs handed over (a strong sign, 3); a goodbye that is seldom said lightly (2); one that often is
# (1 each, 2 at most); a place to fall from (1); a sudden silence (1). Three is enough.
FAREWELL_STRONG = re.compile(
    r"遗书|遗言|遗嘱(?!.{0,4}(?:怎么|公证|效力|律师))|世界再见|永别(?!了?(?:烟|酒|单身))|下游(?:找到|捞到)我|交代后事|别恨我|"
    r"最后一个(?:跟我|和我)?说话的人|把(?:他|我)埋回|去(?:陪|见|找)(?:她|他)?(?:去世的)?(?:奶奶|爷爷|外婆|外公|我爸|我妈|他|她)(?!玩|吃)|"
    r"goodbye ?forever|跟船一起沉|不想活|活不下去|告诉.{0,6}(?:爸爸|妈妈)(?:很)?爱|帮我跟.{0,4}说(?:声|一声)?对不起|"
    r"保险单在(?!哪)|(?:密码|银行卡|工资卡|账号).{0,10}(?:告诉|交给|转给|发给)|"
    r"(?:东西都|东西全|存折|怀表|戒指|最宝贝的.{0,4}|心爱的.{0,4}).{0,6}(?:送人|送给|给了|塞给|交给|还给)|交代事情|工资都转给|"
    r"(?:救生衣|救生圈)(?:全|都)(?:扔|丢)(?:了|掉|到|进|江|水|河)")
FAREWELL_MEDIUM = re.compile(
    r"(?:跟|和).{1,6}一起死|就到这里吧|今晚就这样吧|没(?:有)?人在乎|今晚就要走了|不想回(?:船上|家)了|马上就不冷了|已经准备好了|这次不想走了|你会后悔的|"
    r"今晚你就知道了|说句话再走|活着没意思|以后(?:爸妈|家里|孩子|妈)就靠你|以后要好好的")
FAREWELL_WEAK = re.compile(
    r"别(?:再)?找我|对不起(?:妈|爸|爸妈|大家|你们|所有人)|照顾好(?:我)?(?:妈|爸|爸妈|孩子|家里)|用不着了|最后(?:看)?一眼|钥匙放哪|(?:妈|爸)(?:妈|爸)?我好累|我真的好累|"
    r"以后不(?:干|打鱼|跑船|开船)了|(?:网|船)也不要了|撑不住了")
DROP_PLACE = re.compile(r"栏杆|护栏|挡板|船尾|船边|舷边|船头|桥|江边|码头|趸船|江滩|江里|水里|水边|江心|轮渡|渡轮|渡船|客轮|游轮")
GONE_SILENT = re.compile(r"不接|不回|打不通|(?:电话|手机)不通|关机|拉黑|不见|出门了|(?:去|往).{0,4}去了|哭着|离家出走|画面(?:就)?(?:黑了|断了)")
# Last words that need nothing beside them: where to find the body, a post timed for after, a leap one fears.
LAST_WORDS = (r"下游(?:找到|捞到)我|(?:告诉|通知)你们去哪(?:里)?找|已经在江里了|跟船一起沉|(?:说)?谁过来(?:他|她|我)?就跳|"
              r"(?:想|要|准备)(?:从|往)船尾(?:跳)?下去|(?:从|往)船尾跳下去|想跳(?:但是|可是)?(?:又)?不敢|"
              r"(?:跳下去|下去).{0,6}多久.{0,4}(?:被找到|能找到|捞上来|会死)")
# Pulled out of the water, and what first aid says is still wrong with someone then (round 91).
_RESCUED = r"(?:(?:救|捞|拉|弄|拖|拽|抱)(?:上来|起来|起|上船|上岸|出来)|捞上嚟|遭捞起)"
_SHIVERING = r"(?:(?:一直|还是|还在|不停地?)(?:在)?(?:抖|发抖|打抖|打冷颤|打冷战|哆嗦)(?!腿|脚|音|动|擞)|(?:抖|哆嗦)(?:得)?(?:停不下来|个不停|不停)|打摆子|打抖抖)"
_CONFUSED = (r"(?:犯迷糊|迷迷糊糊|意识(?:越来越)?(?:差|模糊|不清)|说话(?:含糊|不清|慢(?!吞)|大舌头)|眼睛发直|"
             r"(?:叫|喊|问)(?:他|她)?(?:话)?(?:他|她)?(?:都)?(?:不应|不答应|不咋个答应|没反应|回答不上来))")
_AFTER_SIGNS = (rf"(?:{_SHIVERING}|{_CONFUSED}|手脚冰凉|浑身冰凉|冰得跟|冰凉冰凉|嘴(?:唇|巴)(?:发)?(?:紫|乌|青)|昏睡|叫醒了又睡|"
                r"一直咳|咳到吐|咳个不停|脸色越来越(?:难看|差|白|青)|不喘|没(?:有)?(?:呼吸|气)|呼吸(?:很|非常)?(?:微弱|弱))")

HAZARDS = [
    # A person in the water: a fall, a push, a current; someone seen in the water; someone not coming up.
    ("person_in_water", 3, rf"(?!滑水(?![里中]))(?:{_FALL})(?:了|下|进|到|入|落|下去)*(?:了)?(?:到)?{_WATER}"),
    ("person_in_water", 3, rf"(?:带|拖|拽|拉|甩|弹|刮|扫|推|挤|撞)(?:下|进|到|入)(?:了)?{_WATER}|打(?:下|进|入)(?:了)?{_WATER}"),
    ("person_in_water", 3, r"落水|溺水|淹着|淹死|淹到(?!(?:了)?.{0,4}(?:台阶|江滩|滩|路|广场|步道|码头|堤|田|菜地))|呛水|落江|跳江|跳河|跳海|投江|人落|人下去了|一沉一浮|沉沉浮浮|时沉时浮"),
    ("person_in_water", 3, r"(?:被|让)?(?:水|浪|江水|急流|水流|大浪|漩涡)(?:冲|卷|带|打)(?:着|起)?(?:走|跑|下去|到水|进水|没)|(?:冲|卷)(?:着|起)?(?:走|跑|下去|到水|进水|没)|卷进漩涡"),
    ("person_in_water", 3, rf"{_WHO}.{{0,4}}(?:掉|落|摔|跌|翻|滑|踩空)(?:了)?下去"),
    ("person_in_water", 3, r"(?:没|还没|一直没|没有)(?:浮)?(?:上来|冒头|露头|冒出来)|沉下去(?:了)?(?:没|再)|不会游泳(?!.{0,12}(?:吗|么|能不能|可以|要不要|要(?:自己)?带|学))"),
    ("person_in_water", 3, r"(?:抱|抓|扒|拽|攀|挂|趴)(?:着|住|在|到)?(?:个|一个|根|一根|块|一块|漂着的)?(?:船帮|救生圈|救生衣|木头|木板|浮子|浮筒|浮标|缆绳|缆|绳子|绳|轮胎|树枝|船边|船舷|泡沫|锚链)"),
    ("person_in_water", 3, r"(?:江|河|水|海)(?:里|中|面|心)(?:上)?(?:有|漂着|飘着)(?:个|一个)?(?:人|头)(?!.{0,2}(?:划|喊号子|干活|作业|施工|游泳|冬泳|钓|捕|打鱼))|人(?:在)?(?:水|江|河|海)里(?!游泳|冬泳|洗澡|玩|钓|捕|打鱼|作业|施工|下网|撒网|电鱼|炸鱼)"),
    ("person_in_water", 3, rf"{_WHO}.{{0,3}}在(?:江|河|水|海)(?:里|中|面)?.{{0,3}}(?:扑腾|挣扎|喊|漂|沉|浮|呼救|一上一下|一起一伏)"),
    ("person_in_water", 2, r"捞人|(?:下水|跳下去)救|人(?:冲|漂)走"),
    # Fire, smoke, explosion.
    ("fire", 3, r"(?<!打不)(?<!打)着火(?!点)|着了火|失火|(?<!发)起火|火灾|大火|火势|火苗|明火|火光|冒火|窜火|蹿火|浓烟|黑烟|冒烟|冒黑烟|冒白烟|烟很大|全是烟|(?<!没)有烟|烟雾"),
    ("fire", 3, r"火(?:很|太|好|越来越|烧得)大|好大的火|(?:在|还在|一直在)(?:烧|燃)|烧(?:起来|着了|了起来|得|到|穿|坏|没了)|燃(?:起来|烧起来|着了)|灭不(?:了|掉|住)|扑不灭"),
    ("fire", 3, r"爆炸(?!头)|(?<![敲冻晒砸焊锤])(?<!像要)(?<!像是要)炸了|(?<![热忙火气挤爽卖])爆了|爆燃|闪爆|(?:烧伤|烫伤|灼伤|烧到人|烧着人)"),
    # Water coming in, sinking, listing, capsizing.
    ("flooding", 3, r"进水(?!口|管|阀|门)|漏水|渗水|灌水|涌进|漫进|漫上|水(?:漫|灌|涌|冒|往里|一直)(?:进|上)?|沉没|下沉|要沉|快沉|沉了|在沉|往下沉"),
    ("flooding", 3, r"(?:船|舱|船底|船壳|船体|船板)(?:底|板)?[^没不未无]{0,2}(?:破|漏(?!油|气)|裂)(?:了|开|个|一个)?(?:洞|口|缝)?|破(?:了)?(?:个|一个)?(?:大)?(?:洞|口子)"),
    ("flooding", 3, r"水(?:一直|还)?在(?:往(?:里|舱里|船里))?进(?!行|步|出|口|货|港|闸|场|来的|屋|房|家)|(?:抽|排)(?:不|不赢|不过来|不完|不出)|泵.{0,3}(?:抽不|顶不住|跟不上|来不及)|水.{0,2}(?:没过(?!来)|淹到|漫到)"),
    ("flooding", 2, r"水位.{0,4}(?:涨|升|上来)"),  # in the ship, or the river's level (asked about below)
    ("flooding", 3, r"倾覆|侧翻|翻船|船翻(?!东西|找|箱|柜)|翻了|翻过来|扣过来|倒扣|倾斜|侧倾|倾了|往一边(?:倒|歪|斜)|(?:船|驳|我们|船身|一条|那条|这条).{0,4}(?:歪|斜|(?<![晕昏摔跌绊滑推撞打])倒)(?:了|得|下去)|(?:在|慢慢|越来越)(?:歪|斜|倾)|站(?:都)?站不(?:稳|住)|货移|货物移位"),
    # Collision, allision, imminent collision.
    ("collision", 3, rf"碰撞|相撞|撞船|追尾|(?<!防)撞(?:上|到|了|坏|破|在|向|过来|塌|翻|沉|断|穿|桥|码头|趸|岸|堤|船|墩|浮)|(?:碰|刮|擦|蹭)(?:上|到|了)?(?:了)?{_SPOT}"),
    ("collision", 3, r"刮蹭|擦碰|碰擦|(?:要|快|就要|马上)(?:撞|碰)|躲不开|避不开|让不开|避让不及|来不及(?:避|躲|让)|冲过来|(?:直|朝|向|冲着)(?:我们|我船|本船|我).{0,3}(?:冲|开|撞|来)|叫不应"),
    # Grounding.
    ("grounding", 3, r"搁浅|触礁|坐滩|坐浅|坐底|擱淺|搁住|搁在|卡(?:在|住)(?:了)?.{0,8}(?:石头|礁|滩|浅|沙)|(?:冲|开|顶)(?:上|到)(?:了)?(?:滩|浅滩|沙滩|岸|沙洲)|底(?:擦|碰|触|蹭)(?:到|了)"),
    ("grounding", 2, r"动不了|(?<!人)(?<!人都)(?<!人也)走不了|开不动|退不下来|拖不动|出不来"),
    # Propulsion, steering, anchor, lines.
    ("propulsion", 3, rf"{_MACHINE}.{{0,6}}(?:坏|故障|失灵|熄火|停了|停机|停车|不转|不动|不听|不灵|没反应|打不着|卡死|失效|罢工|趴窝|跳闸|不对劲)"),
    ("propulsion", 2, rf"{_ANY_MACHINE}.{{0,6}}(?:坏|故障|失灵|熄火|停了|停机|停车|不转|不动|不听|不灵|没反应|打不着|卡死|失效|罢工|趴窝|跳闸)"),
    ("propulsion", 3, r"失去动力|没(?:有)?动力|动力(?:没了|丢失)|失控|不受控|控制不住|操纵不了|打不了舵|舵打不动|失电|全船(?:停电|黑了)|(?<![车托])没油了"),
    ("propulsion", 3, rf"走锚|拖锚|锚.{{0,6}}(?:拉|抓|咬|吃|挂|稳)不住|锚.{{0,2}}(?:走|拖)了|断缆|{_LINE}.{{0,6}}(?:断|崩|嘣|绷断|脱|挣断|拉断|松脱)"),
    ("propulsion", 3, rf"{_VESSEL}.{{0,4}}(?:漂|淌)(?:走|了|过去|向|往|出去|到)|(?:顺|随)(?:水|流)(?:在)?漂|越漂越|漂(?:向|往)|往.{{0,4}}漂(?!流)|漂在(?:江|河|水|海)"),
    # Injury and sudden illness.
    ("medical", 3, r"(?:流|出|吐|淌|咳)(?:了)?(?:好多|很多|一地|满地|大量)?血|大出血|血流不止|止不住血|头破血流|血肉模糊|骨头露"),
    ("medical", 3, r"昏(?:迷|倒|过去|厥)|晕(?:倒|过去|死)|休克|不省人事|叫不醒|喊不醒|迷迷糊糊|意识不清|(?<![手脚指腿])(?<![手脚指腿][就都也])(?<!冻得)(?<!冻的)(?<!麻得)没(?:有)?了?(?:呼吸(?!器|机|道)|意识|心跳|知觉|脉搏)|(?:人|他|她|叫|喊|拍|掐).{0,4}没(?:有)?(?:反应|气)|心跳(?:停|骤停|没)|心脏(?:骤停|病发|病犯)|呼吸(?:困难|停)|喘气困难|透不过气"),
    ("medical", 3, r"抽搐|抽风|口吐白沫|羊癫疯|癫痫发作|中风|脑溢血|人不行了|快不行了|伤得(?:很|挺|太)?重|重伤|骨折|断了(?:腿|手|胳膊)|(?:腿|手|胳膊|骨头|肋骨)(?:被)?.{0,2}断了"),
    ("medical", 3, r"胸口(?:痛|疼|闷)|胸(?:痛|闷)|喘不(?:上|过)气|呼吸不上来|脸(?:色)?(?:都)?(?:发白|发紫|白了|紫了|铁青)|嘴唇发紫|出冷汗|大汗|起不来|爬不起来|(?:人|他|她|船员)(?:都)?晕了|头着地|(?:要|快)生了|羊水破"),
    ("medical", 3, r"(?:压|夹|挤|轧|卷|绞|砸)(?:住|伤|断|到|进(?!去?(?:了)?(?:一)?(?:根|条|段|块|个|些|团)?(?:绳|缆|网|钢丝|塑料|布|袋|垃圾|水草|杂物))|扁|烂)|(?:手|脚|腿|胳膊|人|身子).{0,6}(?:卷进|卷入|绞入|夹在|压在|挤在|绞进)|(?:摔|掉|跌)(?:进|到|下|落)?(?:了)?(?:舱|货舱|舱底|底舱)|(?:缆|绳).{0,3}(?:弹|抽|打)(?:到|中|伤)"),
    ("medical", 2, r"受(?:了)?伤|伤了|伤者|伤员|急病|发病|犯病|病倒|摔(?:下来|伤)"),
    # Toxic gas, enclosed spaces, fumes.
    ("toxic", 3, r"中毒|毒气|有毒(?:气|烟)|窒息|缺氧|熏(?:倒|晕)|(?:闻|吸)(?:了|到)?.{0,3}(?:晕|倒)|(?:倒|晕|躺)(?:在)?(?:了)?(?:舱|货舱|油舱|舱里|罐|底舱|船舱|舱底|压载舱|泵舱)"),
    ("toxic", 3, r"(?:舱|罐|舱室|舱底|泵舱|冷库)(?:里|内|下)?.{0,5}(?:晕|倒|没动静|叫不应|喊不应|没反应|上不来|还有人)|(?:硫化氢|一氧化碳|氨气|氯气|煤气|液化气|天然气|气体|制冷剂|氨).{0,3}(?:泄漏|漏|冒|熏)"),
    ("toxic", 3, r"刺鼻|臭鸡蛋|怪味|呛(?:得|人|死|的不行)|(?:冒|飘|起)(?:了)?(?:白雾|黄烟|毒烟|怪烟|毒雾)"),
    # Nausea and dizziness are fumes on board, or a figure of speech ("恶心 你们这帮人"): on the water only.
    ("toxic", 2, r"头晕|想吐(?!槽)|(?<![好真太很])恶心|呕吐"),
    # Fumes strong enough to stagger, and several people down at once: a poisoned space, not a coincidence.
    ("toxic", 3, r"(?:好几个|几个|两个|三个|\d+个|好多人)(?:人)?(?:都|全)?(?:倒|晕)(?:了|下|过去)"),
    ("toxic", 2, r"熏得|(?:好几个|几个|两个|三个|\d+个|好多)(?:人)?(?:都|全)?(?:蹲|躺)(?:了|下)"),
    # Oil or chemicals going into the water.
    ("spill", 3, r"溢油|漏油|跑油|冒油|排油|误排|泄漏|泄露|(?:油|燃油|柴油|货油|化学品|液货|危险品|[酸碱苯])(?:污)?.{0,6}(?:漏|溢|流|冒|淌|泄|漂|飘|扩散|喷)(?:出|到|进|了|下|向|往)?"),
    ("spill", 3, r"(?:江|水|河)面.{0,4}(?:油|油花|油膜)|油花|油膜|(?:漂|浮)(?:了)?(?:一层|一片|好多|大片)油|(?:往|向)(?:江|河)里(?:排|倒|放|流)(?:油|废油|污油|化学品|药水|酸|碱)|(?:油|污).{0,3}(?:到|进)(?:了)?(?:江|河)"),
    # A missing person.
    ("missing", 3, rf"失踪|失联|{_WHO}(?!证|书|的证).{{0,3}}(?:不见了|找不到了|找不着|没影|联系不上|不在(?:船上|床上|房间))|找不到(?:人|船员|乘客|他|她|(?:我|我家)?(?:的)?(?:爸|妈|老公|老婆|男人|儿子|女儿|孩子|爷爷|奶奶|老伴|哥|弟))|少了.{{0,2}}(?:一|1|两|2)?个|少(?:一|1|两|2)个|人数不对|人(?:就)?(?:没了|不见)|船上找不到"),
    ("missing", 2, r"(?<![月年])(?<![月年][都也])(?:还)?没(?:有)?回来|没(?:有)?人影|不见人影|没消息|(?<!热线)(?<!12395)(?<!你们电话)(?<!你们的电话)打不通|叫不通|呼不通|找不到了"),
    # Violence on board.
    ("violence", 3, r"打架|打起来|打人(?!工)|打伤|(?<!有事)打(?:我|他|她)(?!.{0,3}(?:电话|手机))|打(?:死|破)|被(?:人)?打|斗殴|互殴|(?:持|拿|动|掏|举)(?:着|了|起)?(?:刀|斧|棍|枪|菜刀|铁棍|榔头|锤子|铁锤|钢管|扳手)|打相打|砍(?:人|伤|了)|捅(?:人|伤|了)|刀伤|行凶|杀人|劫持|绑架|人质|抢劫|抢了|海盗|要杀"),
    ("violence", 3, r"(?:人|他|她|我|我们|船员|乘客|孩子|被)(?:给)?(?:关|锁)(?:在|起来)(?!门外|外面)|不让(?:我|他|她|人|我们).{0,2}(?:出来|下船|走|靠近|离开)|(?:菜刀|铁棍|棍子|斧头)"),
    # Further ways people put the same events.
    ("person_in_water", 3, r"扑通|只剩(?:个|一个)?救生圈|看不(?:见|到)人(?:了)?|(?:江|河|水)(?:上|面|里)漂着(?:一)?个人|脸朝下|底朝天|冒得了"),
    ("person_in_water", 2, r"(?:掉|落|摔|跌|翻|滑|栽|跳)(?:了)?下去"),
    ("fire", 3, r"火星(?!村|号|路|镇|街|湾|港|站|店|公司|探测|车|.{0,12}(?:烧|烫)(?:了|出|穿)?.{0,4}(?:洞|眼)|子?(?:溅|蹦|崩)(?:到|在)(?:了)?(?:手|胳膊|脸|身上|腿|脚|衣服|头发))|喷火|(?<!手机)发烫|(?<!手机)烫得|(?:火|烟).{0,4}(?:窜|喷|往外)|烟往外冒|(?<![发高退])烧了(?!.{0,6}(?:小|个)(?:洞|眼)|.{0,3}(?:钱|油))|焦糊|糊味|短路"),
    ("flooding", 3, r"全是水|都是水|灌进|漏得|堵不住|干舷|越来越低|没(?:到|入)水|没进水(?:里|中)|往下栽|侧过去|翻扣|船.{0,3}(?:往下|下陷)"),
    ("collision", 3, r"插进(?:来|去)|开了(?:个)?口子"),
    # a big ship bearing down on a swimmer or a small craft ("江面上有个游泳的人 一条大船正开过来")
    ("collision", 3, rf"{_SMALL_ON_WATER}.{{0,30}}{_BEARING_DOWN}|{_BEARING_DOWN}.{{0,30}}{_SMALL_ON_WATER}"),
    ("collision", 2, r"怼(?:到|上|了)"),  # to ram, and slang for a rude retort ("被客服怼了"): on the water only
    ("collision", 2, r"顶(?:了一下|上了|到了)|碰了一下|擦上了"),
    ("grounding", 3, r"(?:船|我们)(?:又|也|就)?搁(?:住)?了|(?:夹江|浅滩|沙滩|滩上|洲(?:后面|边上)?)搁(?:住)?了|坐礁|暗礁|(?:沙|泥|滩|沙洲).{0,3}(?:咬|吸|陷)住|搁(?:那|着|上)了|咯吱|船身.{0,3}(?:响|震)|怕船断"),
    ("propulsion", 3, r"(?:桨|螺旋桨|车叶|舵).{0,4}(?:缠|绞)|(?<!被网)(?<!被渔网)缠住了|打转|熄了|发不(?:燃|着|动)|打不(?:燃|着)|(?<!要)(?<!需)(?<!得)(?<!先)(?<!是否)断电|黑灯|(?:船|我们)(?:还)?在漂"),
    ("medical", 3, r"骨头(?:都)?露|血.{0,2}止不住|流血|(?<!有点)(?<!老)(?<!越来越)糊涂了|高烧|没气了|栽倒|蛇咬|咬伤|严重过敏|过敏性休克|过敏(?=.{0,10}(?:呼吸|喘|肿|休克|晕))|肿得|烫起泡"),
    ("toxic", 3, r"(?:晕|倒)在.{0,4}(?:底下|下面|里面|舱)|喊不应|叫不应|没(?:有)?声音|没动静|(?:救|下去)的(?:人)?也倒|(?<![胎球])漏气|白雾|熏蒸(?!用|的|船|要|期间|作业|申请|报)"),
    ("spill", 3, r"彩色|起泡泡|鱼.{0,2}翻白|(?:全|都)是(?:黑|机|废|柴|原|燃)?油(?!味|气|烟)|输油.{0,4}断"),
    ("missing", 3, r"(?:床|铺|房间|驾驶台|舱)(?:上|里)?没人(?!守|值)|一转眼|不晓得去哪|不知道去哪|定位(?:也)?没了|找了(?:也|都)?没(?:有)?"),
    ("missing", 2, r"不见了|没人接|(?<!远了)(?<!走了)(?:人|孩子|娃|小孩)(?:也|就)?(?:一下子|突然|忽然)?(?:看不到|看不见|找不见)了"),
    ("violence", 3, r"砸(?:人|他|我|头)|抄家伙|(?<!没)(?<!没有)(?<!不)(?<![震振自])动手|按在.{0,8}打|(?:抡|挥|举)(?:着|起)?扳手"),
    # What is seen, heard and smelled rather than named: the signs a duty officer asks about when the caller has
    # no word for the event (is water coming in and how deep, is the ship listing, is there smoke, is anyone
    # trapped or not answering, was there an impact), and words of the same events that only some people use.
    ("person_in_water", 3, r"翻(?:过|出)(?:了)?(?:栏杆|护栏|船舷|船帮|船边)|沉下去.{0,8}没(?:有)?(?:再)?(?:起来|上来|浮)|"
                           r"只(?:上来|救上来|捞上来|回来|找到)(?:了)?(?:一|两|1|2|几)个"),
    ("person_in_water", 2, r"扑腾"),
    ("fire", 3, r"(?:灭火器|水枪|消防水).{0,6}(?:喷完|用完|用光|不够|没用)"),
    # These have an everyday sense as well (烟瘾很大, 爱情的火花, 左倾, 饭烧焦了): on the water only.
    ("fire", 2, r"烟.{0,4}(?:好大|很大|太大|越来越|浓|呛|滚|往外)|(?:电)?火花|(?:火|烟).{0,12}(?:压不住|没压住|控制不住|没控制住)"),
    ("flooding", 3, r"(?:舱|船)(?:里|内|底)?水位.{0,8}(?:涨|升|上来|半米|一米|\d+公分|\d+厘米)|水(?:有|到(?!底)|齐|快到|已经到|淹到|没到)(?:了)?.{0,3}"
                    r"(?:深|膝盖|腰|脚踝|脚脖子|小腿|大腿|胸口|半米|一米)|舀水|舀不(?:赢|完|过来|及)|往外舀|"
                    r"浪.{0,4}(?:打进|灌进|扑进|打上来|打到船里)|打进来.{0,3}浪|往(?:左|右|一)边(?:倒|歪|斜)|越来越(?:歪|斜)"),
    ("flooding", 2, r"[左右]倾"),
    ("flooding", 2, r"淹(?:了|到|掉|住)|快淹"),
    ("fire", 2, r"火大"),  # a big fire, or anger ("老板火大了"): on the water only
    ("collision", 3, r"(?:船|船头|船尾|船身|船舷|船壳)(?:被)?.{0,4}(?:凹|瘪|变形|撞烂|撞坏)"),
    ("collision", 2, r"(?:砰|嘭|咚|哐|轰|咣)(?:的|地)?一(?:声|下)|凹(?:进去|下去)"),
    ("grounding", 3, r"船身.{0,3}(?:在)?抖"),
    ("grounding", 2, r"(?:冲|开|顶|拱|搁|跑|撞)(?:上|到|进)(?:了)?(?:.{0,4}(?:浅滩|沙滩|沙洲|乱石|礁石|石头堆|滩上|岸上)|.{0,2}(?:石头|礁))(?!去|来)"),
    ("grounding", 2, r"(?:拖|退|倒|开)不(?:下来|出来)"),
    ("propulsion", 3, r"锚.{0,3}(?:拖着|走了|拖了|在走|在拖|跑了|拖着走)"),
    ("toxic", 3, r"(?:氨|煤气|油气|毒气|化学|硫化氢|药)味.{0,4}(?:重|大|冲|浓|呛)|二氧化碳.{0,4}(?:误放|释放|放了|喷)"),
    ("toxic", 2, r"(?:喊|叫)(?:也|都|了也|了都|他也|他都|她也|她都|它也|它都|他|她|它|半天)?不(?:应|答应|回话)|半天没(?:有)?(?:声|动静)"),
    ("missing", 2, r"(?:还有|有)(?:人|一个|\d+个人|两个|几个).{0,3}没(?:有)?(?:出来|上来|跑出来|下来)|(?:困|关|卡)在(?:里面|舱里|下面|水里)|被困(?!扰)"),
    ("violence", 3, r"把.{0,3}(?:船|舱).{0,2}(?:点了|烧了|炸了)"),
    ("violence", 2, r"(?:拉|拦|按)不住"),
    ("person_in_water", 3, r"(?:趴|骑|站|抱)(?:在|着)船底"),  # on an upturned hull
    ("person_in_water", 2, r"有(?:个)?人头|几个人头|看到.{0,4}人头|(?:手|胳膊)(?:还)?在(?:挥|摆|扑腾)"),
    ("flooding", 3, r"吃水越来越深|甲板.{0,4}上水|(?:渗|漏|冒)进(?:来|去)|船番"),
    ("collision", 3, r"(?:两条|两艘|两只|2条|俩)\w{0,3}船.{0,6}(?:碰|撞)"),
    ("collision", 2, r"咯噔|咔咔|哐当|嘎吱"),
    ("grounding", 2, r"(?:倒车|后退|退车).{0,3}(?:也)?(?:不退|退不|不动)"),
    ("medical", 3, r"嘴歪|口眼歪斜|半边(?:身子)?(?:不能动|动不了|麻)|(?:头上|脸上|身上|满身|满脸|一身)(?:都是|全是)血"),
    ("medical", 2, r"(?:疼|痛)得(?:打滚|受不了|直叫|冒汗|满地)|被.{0,4}砸(?:了|中|到|伤)|一动不动"),
    ("medical", 2, r"吐了好几(?:回|次)|一直(?:在)?吐|说不出话"),  # 说不出话: a stroke, or anger ("气得说不出话")
    ("spill", 2, r"(?:一层|一片|一大片|大片|好多).{0,4}油"),
    ("fire", 3, r"(?:烧|焦|糊)(?:胶|塑料|电线|橡胶)味"),
    ("fire", 2, r"焦味|烧焦|烟.{0,3}(?:一直|不停)?(?:涌|冒)(?:出|进)"),
    ("flooding", 3, r"船.{0,3}(?:有点|有些|开始)(?:歪|斜)"),
    ("flooding", 2, r"水越来越(?:深|多|高)|(?:已经|开始)(?:歪|斜|倾斜)"),
    ("flooding", 2, r"横(?:过来|在江|在河)"),
    ("flooding", 2, r"(?:到|没过|淹到|漫到)(?:了)?(?:脚踝|脚脖子|膝盖|小腿|大腿|腰|胸口|脖子)"),
    ("collision", 3, r"(?:戳|顶|插)(?:到|进|上)(?:了)?.{0,4}(?:船|肚子|舷)"),
    ("collision", 2, r"(?:跟|和|与).{1,8}(?:碰|撞|刮|擦|蹭)(?:了|上|到)|卡在一起"),
    ("propulsion", 3, r"船.{0,4}不动了"),
    ("propulsion", 2, r"动力.{0,2}没(?:有|了)|我们.{0,4}不动了"),
    ("propulsion", 2, r"吃不住|靠不上|靠不了(?:岸|码头)"),  # lines that cannot hold, a ship that cannot berth; or "can't rely on"
    ("toxic", 3, r"(?:几个|好几个|两个|三个)(?:人)?都.{0,4}(?:头痛|头疼|头晕|想吐)"),
    ("toxic", 2, r"大家都.{0,4}(?:头痛|头疼|头晕|想吐|想睡)|冒(?:白|黄)气"),
    ("toxic", 2, r"(?:讲话|说话)(?:都)?(?:含糊|不清)"),
    ("spill", 3, r"(?:管子|管线|输油管|软管|油管).{0,2}(?:断|破|裂|脱)(?:了|开)"),
    ("spill", 2, r"往(?:江|河)里(?:流|淌|冒)"),
    ("missing", 2, r"没(?:有)?(?:回应|跟上来|回音)"),
    ("violence", 3, r"惨叫"),
    ("violence", 2, r"就没声了"),
    ("missing", 2, r"(?:驾驶台|甲板|房间|舱|船上|机舱).{0,10}都没(?:有)?(?:人|影)?$"),
    # A hand held but not pulled out, what is left on deck, a diver overdue, alarms that do not stop, heat through
    # a bulkhead, a sheen on the water, doors that will not open, CPR going on. Words with an everyday sense too
    # (烫手山芋, 噼里啪啦的鞭炮, 门打不开, 没人应) count on the water only.
    ("person_in_water", 2, r"拉不上(?:来)?|(?:就|只)剩(?:下)?(?:.{0,4}(?:拖鞋|鞋|鱼竿|桶)|(?:一)?(?:个|只|双)?(?:烟头|救生衣|帽子))|"
                           r"气泡没了|没(?:有)?气泡|该上来了"),
    ("fire", 3, r"一团火|一片火|火团|(?:漆|油漆).{0,3}起泡"),
    ("fire", 2, r"烫手(?!山芋)|噼啪|噼里啪啦|劈啪"),
    ("flooding", 3, r"(?:江面|水面).{0,3}越来越近"),
    ("flooding", 2, r"冒水|咕噜咕噜"),
    ("missing", 2, r"(?:舱门|门).{0,4}(?:推不开|打不开|出不去)|出不去了"),
    ("grounding", 3, r"刮擦声|刮底"),
    ("grounding", 2, r"底下.{0,6}刮"),
    ("propulsion", 3, r"离岸越来越远|越漂越远|越来越远.{0,6}(?:江|河)中"),
    ("propulsion", 2, r"不会开船|舵打满"),
    ("medical", 3, r"捂着(?:胸口|肚子|头)|(?:做|在做|正在做)(?:心肺复苏|人工呼吸)|在按压|扎进(?:眼睛|肉|手|腿|脚)|血糊糊|血淋淋"),
    ("medical", 2, rf"(?:{_WHO}|老板).{{0,5}}(?:倒|躺)(?:下|在地|在甲板)|人趴着"),
    ("toxic", 3, r"(?:气体|有毒|可燃|氧气|硫化氢|一氧化碳).{0,4}(?:报警|警报|表).{0,4}(?:叫|响|爆表)|(?:报警器|报警|警报).{0,4}(?:一直|不停)(?:叫|响)|(?:数值|读数)爆表"),
    ("toxic", 2, r"不敢下(?:去)?(?!水)|脑壳痛"),
    ("spill", 2, r"亮晶晶|(?<!晚上)(?<!夜里)(?<!天)(?<!灯)黑乎乎|油味"),
    ("missing", 2, r"没人(?:应|答应|回应)"),
    ("violence", 3, r"砸门|踹门"),
    # Someone on debris, swept out and not swimming back, a second rescuer down, an anchor still dragging, an
    # engine running with the ship not moving, a deep cut, a terse "two people, in the water".
    ("person_in_water", 3, r"(?:趴|抱|扒|抓|骑)(?:在|着)(?:一)?(?:块|根|个)?(?:泡沫|木板|板子|门板|浮板|轮胎|木头)|游不(?:回来|动了)|"
                           r"一冒一冒|冲到(?:江心|江中|河中|河心)|(?:一个|两个|三个|几个|\d+个)人.{0,12}(?:水|江|河)里$"),
    ("collision", 3, r"被.{0,6}(?:船|拖轮|驳|轮)(?:给)?(?:碰|撞|刮|蹭|擦)(?:了|上|到)|(?:顶|撞)在一起|烂了(?:个|一个)?(?:大)?(?:口子|洞)"),
    ("collision", 2, r"(?:跟|和|与).{1,8}装(?:了|上)|扯不开|打横"),  # 装 for 撞, typed by sound
    ("grounding", 3, r"上滩了|上了滩|(?:车|机器|主机)(?:还)?在转.{0,6}(?:不走|不动)|船停了.{0,6}(?:车|机器|主机)(?:还)?在转"),
    ("propulsion", 3, r"锚.{0,8}(?:溜|拖着|还在走)"),
    ("medical", 2, r"(?:切|割|划)(?:到|破|断|伤)(?:了)?(?:手|脚|腿|胳膊|手指|动脉|脖子)|(?:切|割|伤口)得?很深"),
    ("toxic", 3, r"(?:第二个|又一个|救的|下去拉|下去救).{0,6}(?:也)?(?:不动|倒|晕)"),
    ("toxic", 2, r"没人敢(?:再)?下"),
    ("violence", 2, r"砸东西|摔东西|两伙人|发疯"),
    ("missing", 2, r"联系不上(?:我)?(?:老公|老婆|爱人|儿子|女儿|爸|妈|哥|弟|姐|妹|他|她)"),
    # Water in the hold and someone bailing, an engine gone quiet, a ferry into the pontoon, a scald, someone still
    # not found, overdue at dark, searched for an hour, a boat out of contact.
    ("flooding", 3, r"舱里(?:好多|很多|全是|都是)水"),
    ("flooding", 2, r"在舀|歪歪的"),
    ("collision", 3, r"冲(?:到|上)(?:了)?.{0,3}(?:趸船|码头|桥墩)"),
    ("propulsion", 2, r"(?:发动机|机器|马达|主机).{0,4}不响(?:了)?"),
    ("medical", 3, r"被.{0,4}烫(?:了|伤)(?!.{0,6}(?:小|个)(?:洞|眼))|烫了大半个|伤势(?:严重|很重|较重)"),
    ("medical", 2, r"摔倒(?:了)?好几个|好几个人摔倒"),
    ("missing", 3, rf"还有(?:一个|\d+个|两个|人)没(?:找到|救上来)|(?:船|渔船|{_SHIP_NAME}).{{0,8}}联系不上"),
    ("missing", 2, r"到现在(?:都|还)?没(?:到|回)|找了(?:一个多|好几个|几个|半个|一个|\d+个)?(?:多)?(?:小时|钟头|半天)|说好.{0,6}回来"),
    # Dragged under by a net line, the bow pressed lower, a second rescuer silent, someone left inside, water
    # changing colour, a knife or petrol in someone's hands, the engine that will not start again.
    ("person_in_water", 3, r"被.{0,6}(?:拖|拽|带|卷)下去"),
    ("flooding", 3, r"往里(?:灌|进水|冒)|越压越低|越沉越"),
    ("propulsion", 3, r"(?:顺|随)(?:水|流)(?:在)?淌|(?:直|径直)?冲(?:着)?(?:我们|我船|本船)"),
    ("propulsion", 2, r"拉不(?:着|响|燃)"),
    ("medical", 2, r"说胡话|滚烫|抽筋|倒(?:在)?地上"),
    ("missing", 3, r"(?:里面|下面|舱里|罐里)还有(?:我们)?(?:的)?(?:一个|人|\d+个|两个)"),
    ("toxic", 3, r"一下去就(?:软|倒|晕)|(?:第二个|又一个|救的|下去拉|下去救).{0,8}(?:也)?(?:没声|软了)"),
    ("spill", 3, r"(?:江水|河水|湖水|水)(?:变色|变红|变黄|变黑)|油污.{0,6}(?:大|多|满|一片)|满江都是"),
    ("violence", 3, r"(?:拿|提|拎|握)(?:着|了)?(?:一)?把刀|(?:要|说要)炸船|(?:提|拎)着.{0,3}汽油"),
    ("violence", 2, r"弄死|搞死|打死你"),
    # A vehicle or a person plunging into the river, someone outside a bridge's railing, people cut off by rising
    # water or stranded mid-river, a stern going under, someone waving from a boat, a boat going round with nobody
    # on it, a dark ship lying across the channel.
    ("person_in_water", 3, r"(?:冲|滚|栽)(?:进|入|下|到)(?:了)?(?:江|河|湖|海)|开(?:进|入|下)(?:了)?(?:江|河|湖|海)|"
                           r"(?:栏杆|护栏|船舷|船边)(?:的)?(?:外面|外边|外侧|外头)(?!作业|打磨|施工|干活|刷漆|工作|焊|除锈|挂)"),
    ("person_in_water", 2, r"(?:好像|想|要|准备|扬言|说要)(?:要)?跳(?:下去|桥|楼)?$"),
    ("missing", 3, r"(?:被)?(?:水|洪水|江水|大水)(?:给)?(?:围|困|包围)(?:住|了)|(?:困|被困)在.{0,4}(?:江|河|船|滩|洲|岛|水)|"
                   r"(?:江|河|滩|洲|岛|船)(?:上|里|中|中间)?(?:被)?困(?:了|住)|(?:天黑|晚上|半夜)(?:了)?(?:还|都)没(?:到|回)"),
    ("flooding", 2, r"水(?:还在|一直在|一直|越)涨"),
    ("missing", 3, r"(?:艇|船|筏).{0,8}(?:上|上面)(?:已经)?没(?:有)?人了"),
    ("flooding", 3, r"(?:船尾|船头|船身|甲板)(?:都)?(?:快|已经)?(?:看不(?:到|见)|没入水)"),
    ("call", 2, r"(?:一直|拼命|使劲|不停)(?:在)?(?:挥手|招手|摇手)|挥(?:着)?手(?:喊|叫|呼)"),
    ("collision", 2, r"(?:船|驳|趸).{0,6}横在(?:航道|江|河)"),
    # Round 9: a boat about to capsize, water over the side, a person butted or thrown into the river, someone
    # waving from a boat, an electric shock, a net round the propeller, swept towards a dam, overdue with the phone
    # off, a boat rolling hard, a message that stopped.
    ("flooding", 3, r"(?:要|快|就要|马上)翻(?![译身页脸墙篇书看开新一到出阅找查遍过来])|(?:水|浪).{0,2}(?:漫过|没过|漫上|打上|冲到|冲上)(?:了)?(?:船舷|船帮|甲板)|吃水太深"),
    ("flooding", 2, r"(?:晃|摇|颠)得(?:很|好|太|特别|非常)?(?:厉害|凶|吓人)"),
    ("person_in_water", 3, r"(?:顶|撞|拱|踢|掀|撞飞)(?:下|进|到|入)(?:了)?(?:江|河|水|海)"),
    ("call", 2, r"(?:船上|上面|水里|江里|那边).{0,6}(?:挥手|招手)"),
    ("medical", 3, r"触电|被电(?:到|击|打|了|倒|晕)|电击"),
    ("propulsion", 3, r"缠住(?:了)?(?:螺旋桨|车叶|桨|舵)|(?:冲|漂)向(?:了)?(?:大坝|坝|闸|桥墩|大桥)"),
    ("missing", 2, r"(?:手机|电话)(?:也|都)?关机|最后(?:的)?位置|(?:不|没)回(?:我)?(?:微信|消息|信息|电话)"),
    # Round 10: half a body in the water, not knowing whether someone still breathes, chest pain and cold sweat,
    # breathing gone bad, a face drooping, slurred speech, sleepwalking to the rail, a boat empty and circling,
    # missed at muster, knocking from inside a sunken hull, someone still in a car in the river, fire in the
    # engine room in a learner's words, water coming in written the other way round.
    ("person_in_water", 3, r"(?:半截|半个|半边)身子.{0,2}(?:在|泡在|浸在)(?:水|江|河)"),
    ("person_in_water", 2, r"梦游"),
    ("medical", 3, r"还有(?:没有)?气|有没有气|有气没(?:有|得)?|没得气|莫得气|心口(?:好|很|疼)?(?:痛|疼|闷)|出(?:晒|了|一身)冷汗|"
                   r"(?:抖|透|喘)不(?:到|过|上)气|呼吸不(?:好|顺|过来)|半边脸(?:歪|麻|动不了)|脸歪了|说话(?:说)?不清(?:楚)?|"
                   r"(?:手|脚|手脚)没(?:有)?力气"),
    ("medical", 2, r"(?:很|好|非常)痛.{0,4}不能动|(?:跌|摔)倒.{0,3}不动"),
    ("missing", 3, r"(?:船|艇)(?:是)?空的|点名(?:不在|少了?|没到)|敲.{0,4}(?:船壳|船底|舱壁|船板).{0,4}(?:回声|有声|回应)|"
                   r"(?:沉船|船|驾驶室|船舱|车)里(?:面)?还有(?:人|一个|\d+个|两个)|人还在车里"),
    ("propulsion", 2, r"绕圈|转圈"),  # a boat circling, or a page loading ("系统登不上 一直转圈")
    ("fire", 3, r"(?:很多|好多|大量的?)烟(?![火花])|有火在|(?:船|舱|机舱|驾驶台|机器房).{0,2}(?:已经|也|都)?着了"),
    ("flooding", 3, r"水进来|进来(?:很多|好多)?水|水(?:灌|涌)来"),
    # Round 11: blown or swept out and unable to get back, a threat to end one's life, smoke that would not go
    # out, water welling up that pumping does not lower, a ship swept sideways onto a pier or into the trees,
    # whether to jump.
    ("propulsion", 3, r"(?:风|浪|水|流)(?:给)?(?:吹|刮|冲|推)(?:到|走|跑)(?:了)?.{0,4}(?:江中|江心|河中|河心|对岸|下游|江中间|河中间)|(?:划|游|开|撑)不回(?:来|去)"),
    ("propulsion", 2, r"回不来"),
    ("person_in_water", 2, r"不想活了|(?:我|她|他)(?:也)?不活了|活不下去了|想不开|轻生|寻短见|自杀|寻死"),
    ("fire", 3, r"没(?:有)?(?:灭|扑灭)(?:掉|了|住)|(?:机舱|舱|驾驶台|船).{0,4}(?:有点|有些)烟"),
    ("flooding", 3, r"水.{0,3}冒(?:上来|进来)|抽了.{0,8}(?:也|都|还)?没(?:少|下去|减少?)|越抽越多|抽不干"),
    ("collision", 3, r"冲横|卡在(?:了)?.{0,4}(?:桥墩|墩子|桥|闸门|闸)"),
    ("missing", 3, r"(?:洪水|大水|水)把.{0,6}冲(?:到|走|跑)"),
    ("missing", 2, r"出不去(?!港|码头|锚地|闸|航道)"),
    # Round 12: a ferry stalled in waves, lost in fog with ships near, a ship swept against a lock gate, a sinking
    # shouted, someone still inside or still in the water.
    ("propulsion", 3, r"(?:船|渡船|轮渡|驳|艇).{0,4}熄火|(?:水|浪|流|风)(?:给)?(?:冲|推|吹|刮)到(?:了)?.{0,2}(?:闸|坝|桥墩)"),
    ("propulsion", 2, r"找不到方向|迷(?:路|航|失方向)|(?:一直|不停)(?:在)?晃"),
    ("collision", 2, r"(?:怕|要|快)被(?:大船|船)?撞"),
    ("flooding", 3, r"沉船了"),
    ("missing", 3, r"人还在(?:里面|船里|舱里)"),
    ("person_in_water", 3, r"人还在(?:水|江|河|海)里"),
    # Round 13: crushed between two ships, out of contact for hours, broken down and drifting, struck into the
    # river by a line, swept into the fairway, students who did not come up, a sinking not seen to end.
    ("medical", 3, r"(?:夹|压|挤)(?:了|住了)?(?:个|一个)人|(?:夹|压|挤)在(?:两条船|两船|船)中间"),
    ("missing", 3, r"失去(?:了)?联系"),
    ("missing", 2, r"最后(?:的)?船位"),
    ("propulsion", 3, r"(?:一直|还)在漂|被(?:水|浪|风)?(?:冲|吹|刮)(?:到|进)(?:了)?(?:主)?航道"),
    ("propulsion", 2, r"船(?:在)?(?:江|河|湖|半路|路)?(?:上|中|中间)?坏(?:了|在)"),
    ("collision", 2, r"大船(?:开|冲)过来"),
    # Round 14: follow-ups that say little (人呢, 听不到他喊了, 他抓的缆快松了), rescue attempts failing, a cargo
    # sliding, everyone in the life raft, cold past bearing, fumes making people sick, a reported plan set going.
    ("missing", 2, r"人呢"),
    ("missing", 3, r"(?:还是|一直|还)没(?:看见|看到|找到" + _FOUND_NO_ONE + r")(?:人)?|听不(?:到|见)(?:他|她|人)?(?:喊|叫|声音)了|"
                   r"(?:司机|人|他|她|孩子|船员|乘客)还没(?:有)?(?:出来|上来|浮上来)"),
    ("person_in_water", 3, rf"{_WHO}还在(?:水|江|河|海)里|抓(?:的|着)(?:那根|的那根)?(?:缆|绳).{{0,3}}(?:松|断|滑)|(?:人|他|她)(?:被)?漂(?:到|走|远)"),
    ("person_in_water", 2, r"够不着|够不到|拉不到|(?:扔|抛)不过去"),
    ("medical", 3, r"冷得(?:直)?(?:哆嗦|发抖|打颤)|失温|冻僵|冻伤"),
    ("toxic", 3, r"(?:两|三|几|好几|\d+)个人(?:都)?.{0,2}(?:头晕|头痛|头疼|吐|晕)"),
    ("toxic", 2, r"味道越来越(?:重|大|浓)"),
    ("flooding", 3, r"斜了.{0,4}度|往一边滑|(?:上|登上)(?:了)?救生(?:筏|艇)|船(?:快)?没了(?!.{0,2}(?:信号|电|油))|冲滩|"
                    r"晃得(?:特别|非常)(?:厉害|凶)|好多人摔倒"),
    ("propulsion", 3, r"往.{0,4}(?:坝|闸|桥墩)(?:那边)?(?:冲|漂)"),
    # Round 15: a ferry rocking and unable to berth, swept up to a dam, a ship gone under with heads in the water,
    # people waving clothes from a stopped ship, overdue at dark and out of reach.
    ("flooding", 3, r"(?:船|客船|渡船|驳船|货船).{0,6}沉下去(?:了)?"),
    ("propulsion", 3, r"被(?:水|浪|流|大风|风)?(?:冲|推|吹|刮)到(?:了)?.{0,2}(?:闸|坝|桥墩)"),
    ("propulsion", 2, r"停着不动"),  # a ship, or a car in a jam: on the water only
    ("call", 2, r"挥(?:着|舞)?.{0,2}(?:衣服|衣裳|毛巾|旗子|手电)|摇(?:着)?(?:衣服|毛巾)"),
    # Rounds 18-19: a fire alarm and the CO2 released, a barge half sunk, only some of the crew reached, someone
    # trapped or buried under cargo, still inside, a hand cut off, foaming at the mouth, aground on a shoal,
    # drifting into the fairway, an engine that will not start, a fight still going on, "this is no drill".
    ("fire", 3, r"火警(?!电话|号码|铃|系统|探测|报警器|装置|按钮)|(?:启动|释放|施放)(?:了)?.{0,4}(?:二氧化碳|co2|灭火系统)"),
    ("flooding", 3, r"半沉|沉了(?:一半|半截)|舱(?:里|内|底)?(?:有|进了)水了"),
    ("missing", 3, r"(?:只|目前|才|就)联系上(?:了)?(?:\d|[一二两三四五六七八九])(?:个)?人|有人被困|人被困|被埋|埋住|埋了(?:[一二两三四五六七八九十几\d]+)?(?:个)?人|(?:人和船|船和人|人跟船|船跟人)(?:都|也)?(?:找不到|联系不上|不见|没了)|塌货|货(?:物)?塌(?:了|下来)|"
                   r"还在.{0,4}(?:舱|船舱|机舱|里面|水里)(?:里)?没(?:有)?(?:出来|上来)"),
    ("medical", 3, r"断(?:了)?(?:手|腿|脚|胳膊|手指)|吐白沫"),
    ("grounding", 3, r"搁(?:在)?(?:滩|浅滩|沙滩|沙洲)"),
    ("propulsion", 3, rf"漂(?:到|进)(?:了)?(?:主)?航道(?!边)|{_MACHINE}.{{0,6}}(?:起不来|启动不了|发动不了)"),
    ("violence", 2, r"还在打(?!电话|游戏|牌|球|扑克|麻将|字|针)"),
    ("missing", 3, r"(?:船员|船上|船长|大家)(?:的)?(?:电话|手机)(?:都|也)?(?:打不通|没人接)"),
    # Rounds 20-21: pushed off in a crowd, swept under a bridge, a fire spreading, five short blasts, a boat overdue
    # by hours, a worker pinned under cargo, a gang on board, a relapse, a boiler about to burst, lost in fog with a
    # ship's horn closing in, knocking from a wreck, the pumps gone, the anchor lost, blown off the pontoon with one
    # line left, acid splashed, nobody has seen him since, a drunk slashing about, our ship "出事了".
    ("person_in_water", 3, r"被.{0,4}(?:挤|推|撞|甩|带|卷|冲|拽|扫|打|刮|弹)(?:了)?下去|(?:人|他|她)(?:被)?冲(?:到|走|远)"),
    ("fire", 3, r"蔓延|(?:纸箱|货物?|箱子|电线|电缆|油布|木料|床铺|被子)(?:也)?着了|随时(?:可能|会|要)?(?:爆|炸)|安全阀(?:打不开|失灵|坏了|卡死|卡住)|压力一直(?:在)?(?:升|涨)"),
    ("collision", 3, r"(?:鸣|拉)(?:笛|号)?(?:五|5)(?:短)?声|五短声|(?:靠|贴|撞|挤)到(?:了)?别的船(?:上)?|(?:汽笛|鸣笛|喇叭)声?越来越近"),
    ("missing", 3, r"回来.{0,10}(?:现在|已经|都)(?:\d+|[两三四五六七八九十几])个(?:多)?(?:小时|钟头)了|倒塌|敲击声|(?:有人|人)(?:可能)?还活着|可能还活着|"
                   r"谁都没(?:见到|看到|看见|见着)|被困住|(?:人)?救不出来|被(?:一伙|一群|几个)人围(?:住|攻)"),
    ("toxic", 3, r"(?:煤气|燃气|液化气|天然气)味.{0,12}(?:倒在|倒地|晕|昏|不省人事)"),
    ("medical", 3, r"(?:压|埋|困)在(?:了)?(?:舱底|货下|货物下|下面|底下)|有(?:个)?人倒在(?:了)?地上(?:了|不动|起不来)|叫得越来越(?:小|弱)|溅(?:进|到|入)(?:了)?(?:眼|脸)|"
                   r"(?:眼睛|眼里|脸上).{0,2}溅(?:进|到|入)?"),
    ("violence", 3, r"打了(?:人|我|他|她)|抢东西|乱砍|(?:说|扬言)?要(?:放火|烧船)|躲(?:在|进)(?:了)?(?:驾驶台|驾驶室|房间|舱里|厕所)"),
    ("propulsion", 3, r"看不(?:见|到)岸|锚(?:好像|可能)?(?:丢|掉|没)了|(?:吹|冲|漂)离(?:了)?(?:趸船|码头|泊位|岸)|(?:缆|缆绳)(?:只剩|就剩)(?:下)?(?:一|最后一)根"),
    ("propulsion", 2, r"又(?:走|拖|漂|停|熄火|坏)了"),
    ("flooding", 3, r"(?:排水泵|抽水泵|舱底泵|(?<!消防)水泵).{0,4}(?:坏|不转|停)|水(?:在)?(?:慢慢)?往上(?:涨|冒)"),
    ("spill", 3, r"(?:硫酸|盐酸|化学品|[酸碱]).{0,3}(?:洒|泼)"),
    # Rounds 22-23: a shape that is a person, swept off by a line, a fire growing and the fire pump dry, water
    # rushing in past a valve that will not shut, a hull torn open, carried downstream, nobody waking, liquid into
    # the river, shivering, a CPR going on.
    ("person_in_water", 2, r"是个人|像(?:是)?(?:个|一)个?人"),
    ("fire", 3, r"越烧越(?:大|旺|猛)|消防泵.{0,4}(?:打不上水|不上水|不出水)"),
    ("flooding", 3, r"水.{0,4}往里进|哗哗(?:地)?(?:往里|进水|冒)"),
    ("flooding", 2, r"(?:阀|海底阀|舱门|水密门).{0,3}关不上"),
    ("collision", 3, r"撞开(?:了)?"),
    ("propulsion", 3, r"(?:往|向)下游(?:移|跑|走)了"),
    ("medical", 3, r"叫(?:都|也)不醒|怎么叫都不(?:醒|应)|(?:在|浑身|直)发抖|(?:做|在做|正在做)(?:cpr|心肺复苏)"),
    ("spill", 3, r"(?:液体|化学品|东西|污水).{0,3}(?:流|漏|淌)(?:到|进)(?:了)?(?:江|河|水)"),
    # Rounds 24-25: someone sunk or thrown in, a child between two hulls or between ship and quay, someone walking
    # into the river, not come up after a capsize, fewer heads than there were, collapsed on the spot, a ship's
    # anchor dragged as far as the bridge, a scrape with a ferry full of screaming passengers, SOS by lamp.
    ("person_in_water", 3, r"人(?:已经)?沉下去|被.{0,4}(?:扔|丢|推|踢)(?:下|进)(?:了)?(?:水|江|河)|"
                           r"(?:掉|落|卡)(?:到|进|在)(?:了)?(?:两条船|两船|(?:船|趸船|渡船)(?:和|与|跟|同)(?:岸|岸边|码头|趸船|堤))(?:的)?(?:中间|之间|缝)|"
                           r"往(?:水|江|河)里走|没(?:有)?冒上来"),
    ("missing", 3, r"只(?:看到|看见|剩|找到)(?:了)?(?:一|两|三|\d)个"),
    # Round 27, the body: the red flags of first aid, told by their signs. A heart (chest pressure and sweat), a
    # stroke (face, arm, speech), a bleed in the head (a sudden worst headache, vomiting, slow answers), a burn
    # that blisters or feels nothing, bleeding that spurts or will not stop, breathing that stops or turns the
    # lips blue, a throat that swells or is blocked, labour, something swallowed or drunk, poisoning of many, an
    # acute belly, a spine (cannot move the neck, no feeling in the legs), a hand caught in a machine, self-harm.
    ("medical", 3, r"胸口像压|胸口(?:闷|疼|痛)得|一直(?:出|冒)(?:冷)?汗|嘴角歪|(?:手|胳膊)(?:拿|抬)不(?:住|起)|说话含糊|"
                   r"头痛得要(?:炸|裂)|头(?:痛|疼)欲裂|反应(?:很|特别)?慢|(?:什么|啥)都记不住|"
                   r"起了?(?:大)?泡|(?:皮肤)?发白发硬|烫得?(?:起泡|脱皮)|(?:热油|开水|蒸汽).{0,4}(?:泼|喷|烫)|"
                   r"血(?:是)?(?:喷|涌)出来|(?:血|出血).{0,2}压不住|血流了一地|开了(?:个)?(?:大)?口子|切掉了|断指|"
                   r"不(?:喘|呼吸)气了|没(?:有)?气了|脸(?:发|憋)?(?:青|紫)|嘴唇(?:发)?(?:紫|乌|青)|指甲(?:都)?(?:发)?紫|"
                   r"喉咙(?:肿|堵)|卡住喉咙|噎住|抓着脖子|喘不上来|上不来气|"
                   r"(?:怀孕|孕妇).{0,12}(?:疼|痛|见红|破水|要生)|见红了|羊水|"
                   r"吞了|误(?:喝|食|服)|喝了(?:一口|几口)?(?:柴油|汽油|农药|防冻液|消毒水|洗洁精)|(?:安眠药|药).{0,4}(?:全|都)?吃了|一整板|"
                   r"上吐下泻|站不起来|(?:腹|肚子)(?:部)?(?:剧痛|疼得|痛得|像刀割)|疼得(?:直不起腰|打滚|满地)|直不起腰|"
                   r"脖子不(?:敢|能)动|(?:腿|下半身)没(?:有)?(?:感觉|知觉)|"
                   r"(?:手|脚|胳膊|腿|人)(?:被)?(?:卡|夹|绞|带)(?:在|进)(?:了)?.{0,6}(?:里|中间|进去)|带进去了|"
                   r"割腕|自杀|轻生|看东西重影|咽不下去|眼皮抬不起|心脏停|心跳停|人一下子就不行了|"
                   r"(?:柴油|汽油|农药|防冻液|消毒水|洗洁精)喝了|满头(?:都)?是血"),
    # Round 26, from ashore: clothes left on the bank, overdue for days in a storm, a call cut off with water and
    # screams, a last message that the bottom is holed, a voice message of crying, "船不行了", a boat hours overdue
    # in fog, several families unable to reach their men.
    ("missing", 3, r"(?:衣服|鞋子?|拖鞋).{0,4}在(?:岸边|岸上|江边|河边|滩上)|(?:昨天|前天|早)就该到了|早该到了|联系不上船|"
                   r"再打就(?:打)?不通|再(?:也)?没(?:有)?(?:任何)?消息|最后一条(?:微信|消息|短信)|"
                   r"(?:\d+|[两三四五六七八九十几半])个?(?:多)?(?:小时|钟头)了(?:都|还)?没(?:有)?回"),
    ("missing", 2, r"(?:都|还)没(?:有)?回家|(?:几秒钟|突然|然后)就?断了|都不接电话|(?<!你们)(?<!热线)(?<!窗口)(?<!局)(?<!办公室)电话(?:也|都|一直|还)不接|只有哭声|"
                   r"联系不上(?:我|自家|家里)?(?:的)?(?:男人|老公|老婆|孩子|儿子|女儿)"),
    ("flooding", 3, r"水上来了|(?:船)?底(?:下)?破了|船(?:不行|要完)了"),
    # Round 29, people in danger from people: a weapon drawn or pointed, threats to kill or burn, petrol poured,
    # someone beaten with a belt, tied up or held for ransom, papers and phone taken, harassment and a door being
    # forced, a child lost in a crowd, someone at the rail saying they will jump, boats boarded and the bridge taken.
    ("violence", 3, r"(?:掏出|拿出|抽出|拿(?:着|了)|举着|挥着|抄起).{0,3}(?:刀|斧|棍|枪|皮带|钢管|铁棍|扳手|锤)|(?:枪|刀).{0,4}对着|"
                    r"威胁(?!.{0,3}(?:安全|航行))|逼到|同归于尽|(?:要|说要)(?:弄死|烧死|杀|点火|引爆|烧船)|泼(?:了)?(?:汽油|柴油)|不给钱就点|"
                    r"在打(?:那个|一个|人|他|她|我)|(?:用|拿)(?:皮带|绳子|棍子|钢管).{0,3}(?:抽|打)|踢了(?:好)?几脚|被打得(?:不动|很厉害|半死)|"
                    r"(?<![浮起塔门行])吊在|被扣住|不放人|身份证.{0,6}(?:拿走|收了|扣了)|手机(?:被)?收了|骗到.{0,6}船上|"
                    r"一直摸我|骚扰|拽住.{0,4}不放|要带我走|撬.{0,4}门|拖进(?:了)?(?:船舱|房间|舱里)|往角落里拉|"
                    r"(?:往|爬上)(?:了)?我们(?:的)?船上?爬|上船(?:来)?抢|(?:把|占了)驾驶台|贴上来"),
    ("medical", 3, r"(?:手|脚|胳膊|腿|人|衣服)被.{0,6}(?:卡住|夹住|绞住|卷住|卷进)"),
    # Rounds 30-31: gases and enclosed spaces (oxygen read low, the second one down, CO2 released), cargo escaping
    # (a slick toward a water intake, a frosting leak, vents overflowing, a relief valve lifting), chemical splashes;
    # the river itself (a whirlpool, a pontoon torn loose with people on it, someone through the ice, blown off the
    # deck, struck by lightning, people on a roof in a flood, "快报警").
    ("toxic", 3, r"测氧只有|氧(?:气)?(?:含量|浓度)?(?:只有|才)\d+|甲烷浓度(?:很)?高|残气|(?:下去|进去)(?:的)?(?:人)?也倒了|"
                 r"(?:人)?躺在(?:舱)?里面|听不到(?:他|她)?回话|吸(?:入|了).{0,8}(?:蒸汽|油气|毒气)|(?:co2|二氧化碳)?误释放"),
    ("missing", 3, r"没(?:有)?跑出来|困在.{0,6}(?:顶上|房顶|屋顶|树上)|一直没(?:有)?回来"),
    ("spill", 3, r"油带|(?:油|污|漂).{0,10}取水口|(?:结冰|结霜).{0,4}(?:在漏|漏|喷)|喷得很厉害|(?:苯|油|酸|碱|氨|化学品|货).{0,6}(?:漏|溢|喷)出来|"
                 r"从透气口溢|往外排(?:黑)?油|漫过围栏|吸油毡不够|腐蚀出洞|安全阀起跳|压力在掉"),
    ("fire", 3, r"冒蓝火|蓝色的火"),
    ("medical", 3, r"(?:苯|酸|碱|化学品|盐酸|硫酸|烧碱).{0,3}溅(?:了|到)|皮肤(?:已经)?烂了|痰里带血|雷击|被雷(?:劈|打)|呼吸(?:很)?弱"),
    ("propulsion", 3, r"往.{0,4}(?:桥墩|坝|闸)(?:上)?靠|倒车(?:也)?没用|(?:漩水|漩涡|回流).{0,4}(?:拖|卷|转)|被.{0,2}(?:漩水|漩涡)|"
                      r"漂到(?:了)?(?:江心|江中|河中|河心)|冲断了"),
    ("propulsion", 2, r"上面(?:好像)?(?:还)?(?:有|站着)人(?!说|讲|管|打)|船上还(?:有|站着)人"),
    ("collision", 3, r"(?:桥墩|闸门|桥)上卡了"),
    ("collision", 2, r"(?:有)?大船(?:开|冲)?过来"),
    ("grounding", 3, r"搁死|冲上(?:了)?(?:江堤|堤|护坡)"),
    ("person_in_water", 3, r"冰窟窿|掉进冰|把.{0,8}(?:刮|吹|冲|卷)(?:下去|到水里|进江)"),
    ("flooding", 3, r"(?:要|快)散架"),
    ("missing", 3, r"(?:走|挤)丢(?:了)?|(?:孩子|小孩|女儿|儿子)(?:弄)?丢了"),
    ("person_in_water", 3, r"(?:说|喊着?|嚷着?|闹着|哭着|扬言)要跳(?!槽|舞|绳|远|高|伞)|(?:站|爬)(?:到|在)(?:了)?(?:船边|船舷|栏杆外)|活着没意思"),
    ("missing", 2, r"一直联系不上|(?:现在|今天|到现在)(?:都|还)?联系不上"),
    ("medical", 3, r"倒地(?=了|不起)"),
    ("propulsion", 3, r"锚(?:都|已经)?拖到"),
    ("spill", 3, r"(?:液体|油|化学品).{0,4}往(?:江|河)里(?:流|淌)"),
    ("missing", 3, r"(?:一整天|一天一夜|一晚上|一夜|整整一天|\d+个?(?:多)?小时|[两三四五六七八九十几]个(?:多)?小时)(?:了)?(?:都|还是|还)?"
                   r"(?:没(?:有)?(?:消息|回来|联系上|音讯)|联系不上|打不通)"),
    ("person_in_water", 2, r"沉下去(?:了)?"),  # a swimmer, or a ship (above): on the water only
    ("missing", 2, r"(?:天黑|晚上|半夜)了(?:还|都)?联系不上"),
    ("person_in_water", 3, r"没(?:有)?浮(?:起来|上来)|沉下去(?:了)?.{0,4}没(?:看到|看见|见)(?:人)?(?:上来|浮上来|冒头)"),
    ("missing", 2, r"(?:到处|哪里|哪儿|全船|上上下下)都(?:没有|找不到|找过了|找遍了)|找遍"),
    # Round 16: people jumping into the river from a burning ship, a ship slowly going down, coloured fumes and
    # people coughing on the bank, the river changing colour, all saved but one, cut off by rising water, someone
    # throttled at the rail or held on board and beaten, a fire that "caught" and smoke pouring, clothes waved from
    # a ship.
    ("person_in_water", 3, r"(?:往|向)(?:江|河|水|海)(?:里|中)?(?:跳|扑)"),
    ("flooding", 3, r"(?:慢慢|渐渐|一点点|一点一点)(?:地)?(?:往下)?沉"),
    ("toxic", 2, r"[黄绿紫棕](?:色)?的?(?:烟|雾|气)|(?:人|大家)(?:都)?(?:在)?(?:咳|呛)(?!嗽药)"),
    ("spill", 3, r"(?:江水|河水|湖水|水)(?:突然|一下子)?变(?:成|了)?(?:了)?(?:红|黄|黑|绿|紫)"),
    ("missing", 3, STILL_MISSING),
    ("missing", 3, r"(?:水|洪水|江水|大水)(?:给)?(?:围|困|包围)(?:在|住)"),
    ("violence", 3, r"(?:掐|勒)(?:着|住)?.{0,6}脖子|(?:往|向).{0,6}(?:栏杆|船边|江里|水里).{0,2}推|被.{0,6}(?:扣|关|锁)(?:在|着)?船上"),
    ("violence", 2, r"不(?:让|给|准)(?:我|他|她|我们)?下船"),
    ("fire", 3, r"(?<!睡)着起来|烟冒(?:得|出来|起来)"),
    # Rounds 32-33: thrown from a speedboat, a jet ski overturned under a ship, a swimmer giving out midstream, a
    # child half through a railing, someone lying still in the water, heatstroke that silences, cut off on a sandbar
    # by the tide (their fog rule is at the end).
    ("person_in_water", 3, r"(?:被)?甩(?:出去|下去|飞出去|出船|下船)|翻(?:到|进)(?:了)?.{0,6}(?:底下|下面|水里|江里|河里)|"
                           r"游(?:到|在)?.{0,4}(?:不行了|没劲了|没力气了|游不动)|下水.{0,12}(?:不行了|没劲了|没力气了)|"
                           r"(?:半个|半边|半截)身子(?:都)?(?:在|悬在|挂在|探在|探到|露在)?(?:栏杆|船)?外|"
                           r"卡在(?:了)?(?:栏杆|护栏|船舷|船边)|(?:在|泡在|漂在|浮在)(?:水|江|河)里.{0,4}(?:不动|没动静|没反应)"),
    ("medical", 2, r"中暑|热晕|热射病|(?:已经|都)不(?:说话|吭声|出声|会说话)了"),
    ("missing", 3, r"退路(?:被|给)?(?:水|潮水)?(?:淹|断|没)|(?:潮|潮水|江水|河水|水)(?:涨)?(?:上来|起来)了?.{0,8}(?:回不来|过不来|出不来|走不了)"),
    # Rounds 34-35, work on the river and at the berth: someone struck, buried, hanging in mid-air, fallen into a
    # hold or a shaft, a vehicle or a load gone into the water or onto people, breathing air running out.
    ("medical", 3, r"(?:人|工人|船员|水手|他|她|被|给).{0,10}砸(?:中|到|伤|倒)|把(?:人|他|她|工人|船员|水手).{0,4}(?:拍|砸|压|打|夹|卷)(?:到|在|进|伤|倒)|"
                   r"(?:有人|人|工人|船员|水手|他|她|一个人)(?:被)?(?:卡|夹|压|困|埋|陷)在|(?:被|给).{0,4}(?:埋|淹没)(?:了|住)|只露(?:个|出)?(?:头|脑袋)|"
                   r"(?:挂|吊)(?:在|到)(?:了)?半空|(?:下面|底下)(?:还)?(?:有|压着|埋着)(?:[一二两三四五六七八九十几\d]+个)?人|"
                   r"(?:摔|掉|跌|踩空)(?:进|到|下|落)(?:了)?.{0,2}(?:舱|护筒|井|坑|洞)"),
    ("toxic", 3, r"(?:呼吸器|气瓶)(?:的)?(?:气)?(?:快|要)?(?:用完|没气|没了)"),
    # Round 69, sand carriers and the families aboard: someone buried, pinned or wedged (把人埋了, 被铁板压着了,
    # 卡了一个人), a hold filled with water, a ship gone under with only its bridge or mast above the surface (a
    # rock or a treetop above a flood is no ship).
    ("medical", 3, r"把(?:人|他|她|孩子|小孩|娃|工人|船员)(?:给)?埋(?:了|住)|"
                   r"(?:爸|妈|爷|奶|" + _WHO + r")被.{0,4}(?:压|夹|卡)(?:着|住)了|卡(?:了|着|住)(?:一个|个)人"),
    ("flooding", 3, r"舱(?:里|内)?(?:都)?灌满(?:了)?水|只(?:剩|有)(?:个)?(?:驾驶楼|驾驶台|驾驶室|桅杆|船头|船尾|船顶|顶棚|舱顶|烟囱)(?:还)?(?:露|冒)(?:在|出)(?:了)?水面"),
    ("missing", 3, r"(?:人|司机|驾驶员|船员)(?:还)?没(?:有)?(?:爬)?出来|拉不动(?:我们|他|她|人)"),
    ("person_in_water", 3, rf"{_FALL}(?:到|进|入)(?:了)?.{{0,8}}(?:水里|江里|河里|水中)|开(?:到|进|入|下)(?:了)?(?:江|河|湖|海)(?!边|岸|堤|滩|对岸|心|中|上|面|北|南|东|西)|"
                           r"(?:江|河|水)面?(?:上|里)?漂着(?:一)?(?:个)?人"),
    ("propulsion", 3, r"往下游(?:冲|漂(?!流))|顺(?:着)?(?:水|流)(?:冲|漂)(?:下去|走)"),
    ("propulsion", 2, r"上面(?:好像)?(?:还)?(?:有|站着)(?:[一二两三四五六七八九十几\d]+个)人"),
    # Rounds 36-37, family barges and locks: someone gone in after a dog and not seen, a missed step, a couple not
    # answering the door beside a charcoal brazier, a child not breathing or poisoned, the helmsman collapsed with no
    # one at the wheel; someone in the water by the lock gate, a convoy broken up, a heel still growing, a ship
    # dragged onto the lock wall, barges squeezed up under a bridge.
    ("person_in_water", 3, r"(?:下去|下水|跳下去|跳下水)(?:捞|救|拉|追)|(?:两个|俩|两人|人)(?:人)?都(?:看不到|看不见|不见)了|"
                           r"看不(?:见|到)(?:他|她)(?:人)?了|有人在(?:(?!往|向).){0,4}(?:水|江|河|海)里(?!游泳|冬泳|洗澡|玩|钓|捕|打鱼|作业|施工|下网|撒网|电鱼|炸鱼)"),
    ("person_in_water", 2, r"踩空(?:了)?(?:掉)?下去"),
    ("toxic", 2, r"敲门(?:都|也)?(?:不应|没(?:人)?应|没反应|不开)"),
    ("toxic", 3, r"喝了.{0,8}(?:农药|药水|百草枯|敌敌畏|老鼠药|洗洁精|柴油|汽油|机油)|误(?:服|喝|食)"),
    ("medical", 3, r"不(?:会)?呼吸了|不喘气了|喘不动(?:气)?|嘴(?:唇)?(?:都)?(?:紫|乌)了"),
    ("medical", 2, r"突然倒(?:了|下)"),
    ("propulsion", 3, r"(?:船)?没人(?:掌舵|开船|把舵)|船队(?:被)?(?:冲)?散(?:了|开)"),
    ("flooding", 3, r"(?:横倾|侧倾|倾斜).{0,8}(?:加大|增大|越来越)"),
    ("flooding", 2, r"横倾|侧倾"),
    ("collision", 3, r"(?:往|朝|向).{0,4}(?:闸墙|桥墩|墙|堤|石头|礁)(?:上)?(?:撞|冲)|被挤得(?:翘|歪|变形|裂)|(?:船头|船尾|驳船|驳子)(?:被)?(?:挤|顶)?翘起来"),
    # Round 38 (where the land meets the river): a vehicle going into the water or afloat in it, people blown in.
    ("person_in_water", 3, r"(?:车|车身|车头|车子|公交|汽车|轿车|货车|客车|大巴|电动车|摩托)(?:.{0,10}(?:往|向)(?:水|江|河)里(?:滑|冲|掉|沉)|"
                           r"(?:在)?(?:水|江|河)里(?:飘|漂)|.{0,4}(?:冲|滚|栽|掉|开)(?:进|入|下|到)(?:了)?水(?!边|旁|岸)|.{0,3}沉(?:下去|进))|"
                           r"(?:人|他|她|孩子|小孩|老人|船员|水手).{0,12}被.{0,6}(?:刮|吹|冲|卷)(?:进|到|下)(?:了)?(?:江|河|水|海)"),
    # Round 41 (winter nights at the anchorage): a watchman silent for hours beside a burning stove, someone not
    # back by nightfall, thieves at work or strangers aboard while one is alone on watch.
    ("missing", 3, r"到现在.{0,10}(?:不接|没人接|打不通|联系不上|没(?:有)?回(?!复|信|邮|短|微|消息|音|话|应)|不回话|(?:电话|手机)(?:也|都)?不通)"),
    ("missing", 2, r"到现在.{0,10}没(?:有)?到(?!账|帐|货|款|位|期)"),  # a boat overdue; or a parcel (on the water only)
    ("toxic", 3, r"(?:炉子|炭火|火炉|煤炉).{0,10}(?:不接|不应|不回话|没人应)|(?:不接|不应|不回话|没人应).{0,10}(?:炉子|炭火|火炉|煤炉)"),
    ("violence", 3, r"(?:小偷|贼|偷油的|强盗|劫匪)(?:正在|在|还在|上船|上了船|爬上|摸上)|"
                    r"有人(?:偷偷)?(?:上|爬上|摸上)(?:了)?(?:我们)?(?:的)?船(?=.*(?:怕|不敢|吓))"),
    # Round 44 (passengers' medical emergencies, told by their signs): choking, a stroke's face and speech, chest
    # pain like a weight, an allergy closing the throat, a fit, a baby gone limp or blue, fading consciousness, a
    # fall with a deformed limb, a doctor calling it critical.
    # Round 46 (rescues under way, told by those helping): the line thrown and not held, out of reach, one saved and
    # one still in the water or in the cabin, a fire rekindled, CPR without a response, a rescuer in trouble too.
    ("person_in_water", 3, r"抓不住|没力气抓|抓住了又松|手滑掉了|又漂走|撑不了多久|(?:拉|捞)不(?:上来|动)|接近不了|靠不(?:上去|过去|近)|"
                           r"人上不去|上不来了|还有(?:一个|两个|\d+个|个)(?:人)?(?:还)?在(?:水|江|河)里|(?:仍|还)在(?:水中|水里)|"
                           r"沉下去(?:两|三|几|\d+)分钟"),
    ("person_in_water", 2, r"够不(?:到|着)"),
    ("missing", 3, r"还有(?:一个|两个|\d+个)(?:人|老人|孩子|小孩|船员)?(?:还)?没(?:有)?(?:看到|找到|上来)|还在(?:船舱|舱)里|"
                   r"船上还(?:有|剩)(?:个|一个)(?:人|孩子|小孩)?|敲(?:船底|船壳|舱壁)"),
    ("fire", 3, r"复燃"),
    ("person_in_water", 3, r"(?:抱|抓|扒|挂)在(?:浮标|浮筒|船桨|桨|木头|缆绳|船边|船舷)"),
    ("medical", 3, r"心肺复苏做了|控水|还在按|(?:帮忙|正在|在)按压|人还没醒|没醒(?=.{0,4}(?:按|救))|身体(?:冰凉|冰冷|发冷)|失去(?:了)?意识"),
    # Round 47 (very short messages): a heart condition on board, a ship going down in two words, fire thrice.
    ("medical", 2, r"心脏病(?!.{0,3}(?:能|可以|人能|患者|要|的人))"),
    ("flooding", 3, r"船沉(?:了|啦|啊)?$"),
    ("fire", 3, r"^火{2,}[了啦啊]*$"),
    ("medical", 3, r"呛奶|噎住|卡(?:住)?(?:了)?(?:喉咙|嗓子|后龙)|卡喉|拍背拍不出|喘不(?:了|过来)气|脑卒中|脑梗|不会说话了|流口水|"
                   r"(?:手|胳膊)(?:也)?抬不起来|看不见东西|心绞痛|胸口像|呼吸(?:很|非常|特别|越来越)困难|放过支架|硝酸甘油|心脏病(?:犯|发)|喉咙(?:肿|发紧|堵)|"
                   r"(?:脸|嘴)(?:都)?肿(?:了|起来)|(?:蜜蜂|马蜂|黄蜂)蛰|抽过去|眼睛(?:一)?翻|翻白眼|硬邦邦|意识障碍|无意识|没声(?:音)?了|"
                   r"不哭不动|软软的|不会哭了|(?:全身|嘴唇|脸)发紫|(?:叫|喊)(?:他|她)?(?:也)?不(?:太)?答应|越来越想睡|"
                   r"(?:腿|胳膊|手)(?:都)?变形|头(?:也)?破了|情况危急|病危|突然倒地|(?:然后|就|突然)倒了|敲(?:门)?(?:了)?半天(?:都)?没(?:反应|人应)"),
    # Round 45 (what the public sees from the shore): someone afloat, a hand above the water, people stranded on a
    # sandbar, a boat knocked over by a wave, a call for a hand from under the quay, people carried off on a pontoon,
    # a ship with only her bow above water.
    ("person_in_water", 3, r"一浮一沉|浮浮沉沉|时浮时沉|(?:有)?(?:只)?手(?:伸|露)出(?:来|水面)|跟着.{0,6}(?:漂|冲)走"),
    ("missing", 3, r"(?:人|他|她|他们)(?:还)?(?:被)?(?:在|困在|站在|隔在|围在)(?:沙洲|江心洲|沙滩|沙坝|礁石|浅滩|江心)|人(?:都)?(?:没看见|看不见|不见)了"),
    ("flooding", 3, r"(?:被)?(?:浪|风|大浪)(?:打|掀|吹)翻|只剩(?:个)?(?:头|船头|船尾|桅杆|驾驶台)(?:露在|露出)"),
    # Round 43 (anger and threats during an event): a ship going down at the office's door, half sunk, water in the
    # engine room, someone still in the water for half an hour, hands giving out.
    ("flooding", 3, r"船(?:就)?在.{0,8}沉(?:呢|啊)?$|沉(?:了)?(?:一半|半截|一大半)|水(?:都|已经)?进(?:到|了)?(?:机舱|舱|船)"),
    ("person_in_water", 3, r"人(?:已经|还|都)(?:在|泡在|漂在)(?:水|江|河|海)里|人还泡在(?:水|江|河|海)里|(?:手|胳膊)(?:都)?(?:抓|抱)不住了"),
    # Rounds 40-41 (jokes told among events, winter nights): someone pushed in, someone afloat waving, knocked down
    # by a wave, a slip.
    ("person_in_water", 3, r"(?<!想)把.{0,6}推(?:进|到|下)?(?:了)?(?:江|河|水|海)|(?:江|河|水)面?(?:上|里)?有(?:个|一个)?人(?:在)?(?:漂|飘|挥手|喊|扑腾)|"
                           r"被.{0,4}(?:浪|水)拍(?:了)?下去"),
    ("person_in_water", 3, r"脚(?:一)?滑(?:了)?(?:掉|摔)?(?:下去|进)"),
    # Round 39 (sea-going ships in the estuary): a ship heeling until her side meets the water, a fall down a
    # ladder onto the head, consciousness fading, armed strangers climbing aboard, containers adrift in the fairway.
    ("flooding", 3, r"倾侧了|(?:舷|船舷|舷边|甲板).{0,4}(?:贴到|碰到|挨着|快到|快贴)(?:了)?水面|(?:水|江水)(?:快)?(?:漫|上)(?:到|了)?甲板"),
    ("medical", 3, r"后脑(?:勺)?着地|(?:从|顺着).{0,6}(?:楼梯|梯子|舷梯|扶梯|直梯).{0,2}(?:摔|滚|跌)(?:了)?(?:下来|下去)|"
                   r"意识(?:不清|模糊)|意识(?:不太|有点|不是很)(?:清楚|清醒)"),
    ("violence", 3, r"(?:带|持|拿)(?:着)?(?:刀|枪|棍)|(?:陌生人|不明身份|海盗|劫匪).{0,6}(?:爬上|登上|上了)(?:我们)?(?:的)?船"),
    ("collision", 2, r"(?:集装箱|货柜).{0,6}(?:掉(?:进|到|下)|落(?:水|江)|漂在)"),
    # Rounds 32-33 again: blind in fog with ships close, a ship running at a buoy.
    ("collision", 3, rf"{_FOG}.{{0,30}}{_BLIND}|{_BLIND}.{{0,30}}{_FOG}|"
                     r"(?:向|朝|往)(?:着)?.{0,4}(?:浮筒|浮标|桥墩|码头|趸船|船|岸|闸门)(?:冲|撞|漂)(?:过去|上去|过来)"),
    # Round 48 (tugs, barge trains and the works on the river): a diver or anyone called on the radio who no
    # longer answers, someone drawn into an intake, someone fallen into a chamber, a hold or between hulls.
    ("missing", 2, rf"{_WHO}.{{0,8}}(?:喊|叫|呼叫|喊话|对讲机?|通话)(?:他|她|了|半天|几遍)?.{{0,3}}(?:不回|没回|不应(?!答)|没(?:人)?应(?!答)|"
                   r"没(?:有)?反应|没(?:有)?回音|没声)"),
    ("person_in_water", 3, rf"{_WHO}.{{0,4}}被.{{0,4}}吸(?:进|到|住|走|过去|下去)"),
    ("person_in_water", 2, rf"{_WHO}.{{0,2}}(?:掉|跌|摔|落|滑)(?:到|进)(?:了)?.{{1,8}}(?:里|中间|之间|缝)(?:了|去了|面)"),
    # Round 49 (writers of every age): a child gone in the blink of an eye.
    # Round 58 (the dialects along the river): knocked down by a wave, not come up, carried down, gone from sight.
    ("person_in_water", 3, r"被.{0,4}(?:浪|水)(?:拍|打|卷)(?:了)?下去|(?:没|还没|一直没)(?:浮)?起来|"
                           r"(?:江|河|水)里(?:冲|漂)(?:下来|过来)(?:一)?(?:个)?人"),
    ("missing", 2, r"(?:没|看不到|看不见)(?:看到|看见)?(?:人|他|她)了"),
    # Round 59 (long messages): a plate of the hull split, water spouting up, the ship ever heavier.
    ("flooding", 3, r"(?:船底|舱底|钢板|船板|船壳).{0,4}(?:裂开|裂了|破了)|船越来越重"),
    ("flooding", 2, r"水.{0,8}往上冒|往(?:上|里)冒水"),
    ("missing", 3, r"(?:一眨眼|一转眼|一?回头(?:看|一看)?|一扭头|转个身)(?:的)?(?:功夫|工夫)?(?:人|他|她)?(?:就)?(?:没了|不见了|没影)"),
    # Round 50 (in the middle of a conversation with the bot): cargo burning by itself, a ship rolling over now, water
    # coming aboard.
    ("fire", 3, r"自燃(?!点|温度|性)"),
    ("flooding", 3, r"船(?:身)?(?:在|正在)翻(?!新|修|译|页|看|找)|船(?:身)?(?:在|正在|开始)?往.{0,4}(?:斜|歪|倾)"),
    ("flooding", 2, r"(?:船|舱|甲板).{0,6}(?<![江河湖海])水(?:都|已经)(?:上来|漫上来|涌上来|进来)了"),
    # Round 51 (ferries and car ferries): a vehicle gone into the river with its driver, someone caught between the
    # ferry and the pontoon, under a vehicle, in a crush, a head struck open.
    ("person_in_water", 3, r"(?:车|摩托|电瓶车|三轮).{0,6}(?:冲|飞|开|溜|掉|滑|栽|翻|插|泡|沉)(?:进|到|下|在)(?:了)?(?:江|河|水)(?:里|中)|"
                           r"连人带(?:车|船)"),
    ("person_in_water", 2, rf"{_WHO}.{{0,2}}(?:掉|跌|摔|落|滑)在(?:了)?.{{1,8}}(?:里|中间|之间|缝)"),
    ("medical", 3, rf"{_WHO}.{{0,4}}被.{{0,4}}(?:压|卡|夹)(?:在|住)|踩踏|被(?:挤倒|踩倒|踩伤)|踩在(?:了)?(?:下面|底下|脚下)|(?:磕|撞|摔|砸)破(?:了)?(?:头|脑袋)|"
                   r"头(?:都|也)?(?:磕|撞|摔|砸)(?:破|烂|出血)"),
    # Round 52 (Chinese as a second language and from translation apps): someone in the water said plainly (我在水中,
    # 他在水里, 人在船外, the head under water), not breathing, unconscious, a steering gear that does not work, a fire
    # that "rises", a fire on the water, a crew member locked in, rescuers who fall too in an enclosed space.
    ("person_in_water", 2, rf"(?:{_WHO}|我)(?:现在|还)?(?:在|掉在|落在|泡在)?(?:江|河|水|海)(?:里|中)"
                           r"(?!.{0,2}(?:游泳|冬泳|洗澡|洗|玩|钓|捕|捞|拍|打鱼|作业|施工|下网|撒网|电鱼|炸鱼|干活|摸|泡脚|出事))"),
    ("person_in_water", 3, r"人在船外|"
                           r"头在水(?:里|下|下面|中)|(?:尸体|body|人).{0,4}(?:在)?(?:水上|水面|水里|江面|江里)(?:漂|飘)|"
                           rf"{_WHO}.{{0,4}}被.{{0,2}}缠(?:在|住)"),
    ("person_in_water", 3, rf"{_WHO}.{{0,3}}(?:在|趴在|爬上|抓在)(?:了)?(?:浮标|浮筒|浮子|礁石|桥墩|沙洲)上"
                           r"(?!.{0,3}(?:作业|维修|检修|干活|施工|换灯))"),
    ("person_in_water", 2, rf"{_WHO}.{{0,6}}(?:掉|落|摔|跌|滑|踩空)(?:了)?下来"),
    ("medical", 3, r"(?<!会)不呼吸|停止呼吸|(?:不能|无法)呼吸|失去(?:了)?(?:知觉|意识)|丧失(?:了)?意识|不省人事|没有知觉"),
    ("propulsion", 3, r"(?:舵|主机|发动机|引擎|转向)(?:也)?(?:不|停止)(?:工作|运转)|失去(?:了)?(?:转向|舵效|操纵)|"
                      r"(?:向|朝|往)(?:着)?.{0,6}(?:石头|礁石|礁)(?:去|过去|漂|冲)|(?:向|朝)(?:着)?.{0,6}漂(?:流|过去|去)|往.{0,6}漂(?:过去|去)|(?:吹|刮)向(?:了)?(?:大坝|坝|闸|桥墩|大桥)"),
    ("fire", 3, r"起(?:了)?(?:很|好|这么|那么)大的火|(?:旁边|那边|上面|后面|前面|船上|舱里|甲板上)有火(?!车|锅|柴)|火在(?:水面|甲板|舱|船)"),
    ("missing", 2, r"门(?:被)?(?:锁了|锁住了|卡住了|开不开|打不开).{0,12}(?:打不开|出不来|(?:人|他|她)(?:还)?在里面)|"
                   r"(?:他|她|人)(?:还)?在里面.{0,8}(?:打不开|出不来|开不开)"),
    ("toxic", 3, r"(?:进去|下去)(?:救|拉).{0,4}也(?:倒|晕)|(?:封闭|密闭|受限)(?:空间|处所|舱室?).{0,12}(?:倒|晕|昏|没出来|不动)"),
    # Round 53 (numbers and measurements): water found in a hold and rising with no leak found, pumping that does not
    # lower it, someone not come out of a space, crew unaccounted for.
    ("flooding", 3, r"找不到漏(?:点|洞|水点|的地方)|抽了.{0,8}(?:也|都|还)?(?:一点)?没(?:降|退)|(?:舱|舱底|底部)(?:里)?有水.{0,8}(?:上升|上涨|越来越)"),
    ("missing", 3, r"下落不明|去向不明"),
    ("missing", 2, rf"{_WHO}(?:还|一直)?(?:在.{{1,4}}(?:里|底|下))?(?:还|一直)?没(?:有)?出来(?!吗)"),
    # Round 54 (a photo, a video or a location attached): a ring thrown and missed, someone clinging to driftwood or
    # adrift downstream, something in the water that moves and waves.
    ("person_in_water", 3, r"(?:人|他|她)(?:没|没有)(?:抓|接)住|(?:救生圈|绳子?).{0,8}没(?:抓|接)住|"
                           r"(?:趴|骑|抱|报(?=着)|抓)(?:着|在)(?:漂着的|漂的|一(?:根|块|只|头|个))?.{0,2}(?:木头|木板|树干|门板|泡沫|死?牛|死?猪|箱子|桶)|"
                           r"(?:江面|水面|江里|水里|江上|船底下?|船下面|水下).{0,12}是(?:个)?人(?:吗)?.{0,6}(?:在动|挥手|扑腾|喊)|"
                           rf"{_WHO}(?:还|都)?(?:在)?(?:水里|江里)?(?:漂|飘)在(?:下游|江|河|水)|{_WHO}(?:还|都)?在(?:水里|江里)?(?:漂|飘)(?!流|亮)"),
    ("person_in_water", 2, r"(?:还在|一直在|在水里)挣扎"),
    ("person_in_water", 3, r"手在水面(?:上)?(?:乱抓|抓|挥|扑腾)|水面上有(?:只)?手"),
    # Round 67 (several things told at once): beside or holding on to a capsized boat; a fall from a height onto a
    # deck or a quay; a person who collapses; someone still not ashore or found, a search not come.
    ("flooding", 3, r"(?:在|扒着|抱着|趴在|抓着)(?:翻|扣|倒扣)(?:了|掉|过来)?的船"),
    ("medical", 3, rf"(?:{_WHO}|有人)从.{{1,8}}(?:掉|摔|跌|栽|滚)(?:到|在|下|进)(?:了)?(?:甲板|地上|舱|码头|下面|底下|船上)|"
                   rf"{_WHO}(?:.{{0,6}}(?:不舒服|难受|疼|痛|晕|抽筋))?(?:突然|一下子?|就|也|又|当场|直接)?倒下(?:了|去)"),
    ("missing", 3, r"(?:到现在|至今)(?:都|也|还)(?:没|没有)(?:上岸|捞到|捞上来|浮上来|找到" + _FOUND_NO_ONE + ")"),
    # Round 55 (animals, things and people told apart): a pontoon or a fish farm broken loose with people on it, a hull
    # holed by driftwood.
    ("propulsion", 3, r"(?:漂|冲)(?:出去|走)(?:了)?.{0,8}上面(?:还)?有(?:人|客人|游客|乘客|工人|老人|孩子)|"
                      r"上面(?:的)?(?:还)?(?:有)?(?:人|客人|游客|乘客|工人|老人|孩子|老两口).{0,4}(?:在漂|漂走|被冲走)"),
    ("flooding", 3, r"撞(?:漏|破|穿|出(?:了)?(?:个|一个)?洞)"),
    # Round 56 (summer on the river): cut off on a sandbar by rising water, taken by an undercurrent, gone under near
    # the bank, a swimmer out of strength or in the fairway, only a cap left, a rescuer who went down himself.
    ("missing", 3, r"(?:沙洲|江心洲|洲子|洲上|沙滩|沙坝|礁石|滩上|石头上).{0,16}(?:涨上来|漫上来|只剩|回不去|回不来|过不去|困住|被困)|"
                   r"只剩(?:一)?(?:小)?块(?:地|地方)|回去的路(?:被水)?(?:淹|冲)"),
    ("person_in_water", 3, r"被(?:暗流|回流|急流|水流|水|浪|漩涡)?(?:给)?冲(?:走|出去|远了)|被(?:暗流|回流|急流|水流|水|浪|漩涡)(?:给)?(?:拖|卷|带)(?:走|出去|远了)|"
                           r"(?:他|她|人|那人|救人的)(?:自己)?(?:也)?.{0,2}沉下去(?:了)?|没顶|没过(?:了)?头顶|游到(?:了)?航道|"
                           r"(?:只|就)(?:剩|有)(?:下)?(?:一)?(?:个|只|双|顶|件)?(?:泳帽|帽子|拖鞋|鞋|泳圈|衣服).{0,2}(?:在漂|漂着|在水)|"
                           r"呛了(?:好多|很多|不少|一肚子)?(?:江)?水|喝了(?:好多|很多|不少|一肚子)(?:江)?水(?=.{0,8}(?:拉上来|捞上来|救上来|呼吸|昏|醒))|(?:浪|水)(?:打|冲|卷)过来.{0,4}(?:人)?(?:就)?(?:没了|不见了)"),
    ("person_in_water", 2, r"游.{0,16}(?:没(?:有)?力气了|体力不支)|游到.{0,8}(?:不动了|沉下去)|(?:水里|江里|水面上?|浮标旁边)没人了"),
    # Round 57 (work injuries on deck, aloft and in holds): someone motionless, a fall from height, struck on the
    # head, a limb cut off or nearly, blood that does not stop, eyes that no longer see.
    ("medical", 3, rf"{_WHO}.{{0,4}}(?:已经|都|也)?(?<![走搬拉推拖扛抬挪划摇吃])不动了|意识丧失|(?:高处|从.{{0,6}})坠落|坠落(?:到|在)|倒栽(?:下来|下去)|头(?:先|朝下)着地|"
                   r"(?:打|砸|撞)(?:到|中|在)(?:了)?(?:人|他|她)?(?:的)?头(?:上|部)|嘴里(?:有|全是|都是)血|(?:在|开始|一直)吐血|吐了(?:好多|很多|一口|一大口)?血|"
                   r"(?:腿|胳膊|手|手指|指头|脚|脚背|脚趾)(?:头)?(?:没了|断了|掉了|快断了)|血流(?:不停|不止|得很|了一地)|大口子|"
                   r"(?:受伤|伤得)(?:了)?(?:很|非常|特别)(?:严重|重)|重伤|眼睛.{0,16}(?:看不(?:到|见|清)了|睁不开)"),
    # Round 60 (a cross-section of a week): blood all over a part of the body, struck by a propeller or a line; a
    # diver or anyone gone down who does not come up or answer the line; a ship bearing down on another; a threat
    # to jump into a named river; a small boat blown out into the river.
    ("medical", 3, r"(?:头|脸|身|腿|手|脚|胳膊|背|胸口?|肚子|裤子|衣服)(?:上|里)?(?:都是|全是)血|"
                   r"被.{0,4}(?:螺旋桨|车叶|桨叶|叶片|缆绳?|绳子?|钢丝绳|吊钩|钩子|吊臂|舱盖|铁链)(?:给)?(?:打|刮|砍|切|割|削|卷|绞|抽)(?:到|中|伤|断|了)"),
    ("missing", 3, r"(?:潜|下)(?:下)?(?:去|水)(?:了)?.{0,6}(?:上不来|没(?:有)?(?:再)?(?:上来|出来|浮上来|动静|看到|看见|见到)|不见(?:了|人))|"
                   r"(?:信号绳|安全绳|绳子).{0,6}没(?:有)?(?:反应|动静|回应)|(?:人|他|她)上不来(?:了)?"),
    ("collision", 3, r"(?:正|直|径直)冲着.{0,10}(?:去|过去|来|开)|冲着.{0,8}(?:船|渡|趸|码头|桥墩|大桥).{0,2}(?:去|过去|来|开)"),
    ("person_in_water", 3, r"跳(?:长江|黄浦江|汉江|嘉陵江|湘江|赣江|乌江|大江)"),
    # Round 62 (told indirectly): a head in the waves, a ring not caught, someone in the water below a ladder, a
    # hull upside down, a head struck or broken, someone fainted on the floor, knocking from inside, water up to a
    # deck or pouring aboard, pumps that cannot keep up, a list to one side, pushed or sucked towards danger, smoke
    # gushing, nobody left on a boat come back by itself.
    ("person_in_water", 3, r"(?:水|江|浪)(?:里|面上?)(?:有)?(?:个|一个)?人头|一下有一下没有|救生圈.{0,8}没(?:抓|够)(?:到|住|着)|"
                           r"(?:人|他|她)(?:掉|落)?在.{0,8}下面的(?:水|江|河)里"),
    ("flooding", 3, r"船底朝上|船(?:翻)?(?:了个|得)?底朝天|水(?:已经)?(?:到|淹到|漫到|没到)(?:了)?(?:二层|二楼|三层|甲板|膝盖|腰|胸口?|脖子|床)|"
                    r"(?:往|向)(?:甲板|舱|船)(?:上|里)?(?:灌|涌)|泵.{0,8}(?:压不住|抽不赢|抽不过来|抽不完|顶不住)|"
                    r"船身?(?:一直|越来越|开始)?(?:往|向)(?:左|右)(?:边)?(?:倾|歪|斜)"),
    ("medical", 3, rf"(?:打|砸|撞)(?:到|中|在)(?:了)?{_WHO}的?头|头(?:被.{{0,4}})?(?:砸|打|撞|磕)破|晕在(?:地上|甲板|床上|里面|舱里)"),
    ("missing", 3, r"里面有人在?敲|有人在里面敲|(?:人|他|她)不在上面|船(?:自己)?漂回(?:来|岸)"),
    ("propulsion", 3, r"(?:推|冲|漂)着?往.{0,4}(?:桥墩|大坝|坝|闸|码头)(?:去|漂|冲)|尾流吸|被.{0,6}吸(?:着|过去|住)"),
    ("fire", 3, r"(?:往外)?涌(?:白|黑|黄)?烟|一股一股.{0,4}烟"),
    ("person_in_water", 3, r"把(?:人|他|她|我)(?:给)?(?:拖|拽|拉|卷|带|冲)(?:下去|下水|进水|到水)|把(?:人|他|她|我)(?:给)?(?:卷|冲)走|(?:脚|腿|手|人)被(?:渔)?网(?:子)?(?:缠|绞)住"),
    ("propulsion", 3, r"(?:风|浪|水|流)(?:给)?把.{0,6}(?:吹|刮|冲|推)(?:到|走|跑)(?:了)?.{0,4}(?:江中|江心|河中|河心|对岸|下游|江中间|河中间)"),
    # Rounds 63-65 (festivals, crowds, sport; building sites at the water; a rainy month): blood in the water or that keeps
    # running, a hook in an eye, paralysis below a point, someone pulled out still breathing, thrown off a boat, a
    # figure in the water that looks like a person, someone in the water holding on or out of strength, struck or
    # swept into the river, a diver caught under water, his air hose fouled or his line pulled hard, someone hanging
    # over the side, fallen beside an engine, shut in a cold store, knocking that fades, a deck holed by a falling
    # weight, a crane or a craft running at a ship or adrift towards the fairway, a craft of any kind rolling over.
    ("medical", 3, r"(?:水里|水面|江里|江面)(?:上)?(?:好多|很多|全是|都是|一片|一大片|一滩)血|血(?:一直|还在|止不住|不停)(?:地)?(?:在)?(?:流|冒|往外)|"
                   r"扎进(?:了)?.{0,4}眼(?:睛|珠)|(?:以下|半边身子|一边身子|半身|下半身)(?:都|也)?(?:不能动|动不了|没(?:有)?(?:知觉|感觉))|"
                   r"还有(?:一点|点|微弱的)?(?:呼吸|气息|心跳|脉搏)(?!机|器|道|吗|没)"),
    ("medical", 2, r"叫(?:他|她)?(?:也|都)?不(?:应|答应)(?!吗)|(?:人|他|她)倒在(?:了)?(?:地上|旁边|甲板上?|舱里|舱底|里面|那里|那儿|血泊)"),
    ("person_in_water", 3, r"(?:网|水|江|河)里(?:捞|拉|拖|救)(?:上来|出来|起来)(?:了)?(?:一)?(?:个)?人|被(?:甩|抛|弹)出(?:去|船外)|"
                           r"(?:水|江|河)(?:里|面|中|心).{0,12}(?:像|好像|似乎)(?:是)?(?:个|一个)?人(?=.{0,6}(?:穿|在动|挥|喊|扑腾|挣扎|漂|沉))|在(?:水|江|河)里(?:抓|扶|扒|抱|拽)着|"
                           r"被.{0,8}(?:打|撞|推|挤|甩|扫|刮|拍|带|拽|弹)(?:到|进|下|落)(?:了)?(?:江|河|水|海)(?:里|中)?|"
                           rf"{_WHO}.{{0,4}}(?:在)?(?:水下|水里|江底|水底).{{0,6}}被.{{0,6}}(?:挂|卡|勾|缠|夹|压)住|(?:供气管|潜水(?:员)?的?(?:气管|脐带))(?:被)?.{{0,4}}(?:缠|卡|断|破|挂)|"
                           r"(?:急|猛|拼命)拉(?:信号绳|绳子)|(?:抓|扶|扒|抱)着.{0,10}(?:手(?:快|都)?没劲了|(?:快)?抓不住了|快撑不住了)"),
    ("person_in_water", 2, r"(?:摔|甩|弹)出去(?:了)?|(?:快)?抓不住了"),
    ("missing", 3, r"(?:人|他|她|工人)(?:还)?(?:挂|吊|悬)在(?:了)?(?!嘴|心|网)(?:.{0,10}(?:上|外|下面|半空))|(?:里面|舱里|库里|间里)(?:关|锁|困)(?:了|着)(?:一)?(?:个)?人|"
                   r"(?:声音|喊声|呼救声|敲击声|敲门声|动静)越来越(?:小|弱)"),
    ("flooding", 3, r"砸(?:穿|破|漏)(?:了)?.{0,6}(?:甲板|船底|舱|船壳|船体)|(?:浮吊|吊船|驳船|趸船|平台|浮箱|艇|筏|渡船|快艇)(?:在|正在)翻(?!新|修|译|页|看|找)"),
    ("collision", 2, r"(?:往|朝|向)(?:着)?.{0,4}(?:船|趸船|码头|桥墩|大桥)(?:上)?(?:撞|砸)(?:过去|过来|去|来)?"),
    ("propulsion", 3, r"漂(?:出来|出去|走)(?:了)?.{0,10}(?:往|向|朝)(?:着)?.{0,4}(?:航道|桥|闸|坝|码头)"),
    ("violence", 2, r"把(?:她|他|人|孩子|小孩|小姑娘|女孩|女的|姑娘)(?:硬|强行)?(?:拽|拖|绑|掳)(?:进|到|走)"),
    # Round 66 (heavy typing slips): heading straight for a lock or the fairway, drifting towards a berth, a tow
    # unhooked, a car or a boat "着了" (caught fire), someone caught between two hulls, resuscitation under way, knocking inside.
    ("propulsion", 3, r"(?<![坐开乘搭])(?:船|驳|艇|筏)[^我]{0,8}(?:直奔|冲向|奔着|奔向)(?:着)?.{0,8}(?:航道|桥|闸|坝|码头|趸船)|(?:漂|飘)(?:向|往)(?:了)?.{0,6}(?:码头|桥|闸|坝|航道|对岸|趸船)"),
    ("propulsion", 2, r"脱钩了"),
    ("fire", 2, r"(?:车|船|舱|货|房子|草|油)(?:子)?(?:也)?着了(?!凉|急|迷|道)"),
    ("medical", 3, r"(?:中间|之间|缝里)夹着(?:个|一个)?人|夹着(?:个|一个)人|(?:在|正在)(?:做|给他做|给她做)?(?:心肺复苏|胸外按压|按压|人工呼吸)(?!练习|培训|训练|课|考试)"),
    ("missing", 3, r"里面(?:还)?在敲(?!敲|打|钉|锤)"),
    # Round 69's set, its remaining misses: a child buried under a collapsed heap, only bubbles where someone went
    # down, a drunk charging about in a speedboat, someone in the water after a collision in fog, a gas cylinder
    # hissing into a room with a child, an old man not back to his cabin at night by a broken rail.
    ("missing", 3, rf"(?:塌|垮)(?:了|下来).{{0,12}}{_WHO}.{{0,10}}(?:埋|压)(?:在|住|着|了|下面)"),
    ("person_in_water", 3, r"(?:水面|江面|水里)(?:上)?(?:只有|只剩|就剩|光有)(?:一串|一些|一点)?气泡"),
    ("collision", 3, r"(?:醉|喝醉|喝多).{0,8}(?:开|驾)(?:着)?(?:船|快艇|艇|摩托艇)|横冲直撞|"
                     r"(?:朝|向|往)(?:着)?.{0,6}(?:渡船|客船|趸船|码头)(?:那边|这边)?(?:冲|撞)(?:过去|过来)?"),
    ("collision", 2, r"乱冲"),
    ("toxic", 3, r"(?:液化气|煤气|燃气|天然气)(?:罐|瓶|钢瓶)?.{0,8}(?:关不上|关不住|关不了|呲呲|嘶嘶|喷)|满屋(?:子)?(?:都是)?(?:气|煤气|燃气)"),
    ("missing", 2, r"没(?:有)?回(?:舱|房间|船舱|铺|床)"),
    # Round 75 (river ports around the clock): a ship listing badly as the cargo shifts, a tug pulled over by its own
    # tow line, someone pouring petrol on himself.
    ("flooding", 3, r"(?:船|船身|船体|驳|我们|甲板).{0,4}(?:倾|歪|斜)(?:得|的)(?:厉害|很|好厉害|太)|(?:扯|拉|拽|拖|带)翻"),
    ("violence", 3, r"(?:汽油|柴油|酒精|油)(?:往)?(?:身上|自己身上)(?:浇|泼|倒)|(?:要|想)点(?:了)?自己|自焚|"
                    r"(?:往)?(?:自己)?(?:身上|自己)(?:浇|泼|倒|淋)(?:了|满)?(?:一身|满身|全身)?(?:的)?(?:汽油|柴油|酒精)"),
    # Round 95 (farming villages along the river: livestock on small ferries, pumping stations, fish ponds on the
    # embankment, tractors on village ferries, harvest boats): someone fallen into a pond or channel as into the
    # river, clinging to something afloat and shouting, lying face down in the water, knocked or dragged in by an
    # animal (一起被拖下去), a rope round a leg pulling him under, trapped as the water rises, a vehicle hanging off a
    # ramp, a boat tipped by a wave (浪掀了), a ferry going down on one side, someone holding a stone at the water's
    # edge, the things of someone gone left at the water's edge.
    ("person_in_water", 3, rf"{_WHO}.{{0,4}}{_FALL}(?:进|到|入)?(?:了)?(?:鱼塘|池塘|水塘|塘|水库|水渠|渠|河沟|水沟|沟)(?:里|中)|"
                           rf"{_WHO}(?:脸朝下)?(?:趴|浮|漂)在(?:水|江|河|塘)(?:里|面上)|"
                           rf"(?<=把)(?:我|俺|我们)?{_WHO}(?:给)?(?:撞|顶|拱|踢|挤|带|拖|拽)(?:进|到|下|入)(?:了)?(?:江|河|水|塘)|"
                           r"(?:一起|也|跟着)(?:被)?(?:拖|拽|带)(?:下去|下水|进(?:江|水|河))(?:了)?|"
                           r"把(?:他|她|人|我)(?:往下|往水里|往江里|往深处)(?:拖|拽|拉)|"
                           r"(?:台阶|江边|岸边|河边|码头|塘边|堤|桥|船)(?:上|边)?(?:只|就)(?:有|剩)(?:下)?(?:他|她)的.{0,2}(?:盆|桶|篮子|棒槌|鱼竿|包|手机|车|锄头|衣服|鞋)"),
    ("person_in_water", 2, r"(?:抱|抓|扒)着(?:在)?(?:喊|叫|呼救)"),
    ("missing", 3, r"(?:被)?困在.{0,14}(?:水|江水|河水)(?:已经)?(?:漫|涨|淹|灌)(?:上来|进来|到)"),
    ("custom", 3, r"(?:车|拖拉机|货车|卡车|三轮车|农用车)(?:子)?.{0,4}(?:斜(?:着)?挂着|悬空|悬在|一半(?:挂|悬)在|挂在(?:边上|外面|半空|船边|跳板|栏杆))|"
                  r"跳板(?:滑|断|塌|翻)(?:了|开)"),
    ("flooding", 3, r"(?:被)?(?:浪|大浪|风浪)(?:给)?掀(?:翻)?了"),
    ("flooding", 2, r"往(?:左|右)(?:边)?(?:沉|倒)"),
    ("fire", 3, r"(?:房|屋|棚|棚子|房子|看护房)(?:那边|里)?着(?:了|起来了)(?!凉|急|迷)"),
    ("self_harm", 5, r"抱着(?:一)?(?:块|个)?(?:大)?石头.{0,8}(?:站在|走向|往|在)(?:江|河|塘|水|湖|桥)"),
    # Round 94 (people writing mid-task: a dispatcher, a cook, a deckhand, a driver waiting for the ferry, a parent on
    # deck): someone at a rail looking over and taking off shoes or putting down her bag, a drunk master still at the
    # wheel, a whistle blown on the water at night, a small boat shoved along by a big ship, striking something
    # unseen with the ship reacting, a person run over by a vehicle, a swimmer midstream too spent to shout, a fall
    # into deep water and the ones who tried to pull him out gone in too, lightning striking a ship, a part of the
    # ship that has caught (着了), someone lying there not moving, someone nowhere to be found aboard.
    ("self_harm", 5, r"(?:往|朝)(?:栏杆|护栏|船边|舷边|船舷|桥)(?:外|下)(?:面|边)?看.{0,16}(?:鞋(?:子)?(?:也|都)?脱|脱(?:了)?鞋|包(?:也)?放下|不理人?|在哭|一直哭|哭了)"),
    ("propulsion", 3, r"(?:船长|驾驶员|开船的|舵手|船老大|老大|他)(?:又)?(?:喝多了|喝醉了|喝醉|醉了|醉醺醺).{0,8}(?:还在|还|在|正在)开(?:船|着)?(?!心|会|玩笑|车|门|药|灯)"),
    ("person_in_water", 3, r"(?:江上|江面上?|江里|水里|水上|水面上?|河里|河上|湖上|湖里)(?:有人|有个人).{0,4}(?:一直|不停地?|使劲|拼命)?吹哨(?!曲)"),
    ("collision", 3, r"被(?:大船|货船|大货船|轮船|船队|驳船|客轮|大轮|油轮)(?:推着|顶着|压着|撞着)(?:走|跑)"),
    ("collision", 3, r"(?:擦|蹭|碰|刮|撞)(?:到|上)(?:了)?(?:什么|啥)(?:东西)?.{0,8}(?:船在晃|船晃|船一晃|船身|进水|倾|歪)"),
    ("medical", 2, rf"{_WHO}.{{0,8}}被.{{0,6}}(?:车|汽车|货车|卡车|轿车|叉车|铲车|拖拉机)(?:子)?(?:给)?(?:碾|轧|压)(?:到|了|住|伤)"),
    ("person_in_water", 3, r"(?:江|河|湖)(?:中间|中心|心).{0,6}(?:喊不动|叫不动|游不动|没力气了)|"
                           r"(?:掉|踩空|滑|落)(?:进|到|入)?(?:了)?深水(?:区|里|处)|(?:拉|救|拽)(?:他|她|人)(?:的)?(?:也|都)(?:下去|掉下去|掉进去)了"),
    ("fire", 3, r"闪电(?:打|劈|击)(?:在|中|到)(?:了)?(?:船|桅|驾驶|甲板|我们)|"
                r"(?:桅杆|驾驶台|驾驶室|舱|甲板|船尾|船头|机舱|货舱|篷布|船篷)(?:那边|那里|上面|上)?着(?:了|起来了)(?!凉|急|迷|陆|魔)"),
    ("medical", 3, r"倒在[^，。倒]{0,6}(?:一动不动|不动了?|没动静)"),
    ("missing", 3, rf"{_WHO}(?!证|书|的证)[^的]{{0,20}}(?:到处|哪儿都|哪里都|哪都|全船|满船)(?:都)?找不(?:到|着)(?!工作|活)"),
    # Round 93 (lithium batteries, electric boats and new fuels): battery packs bursting one after another, an
    # e-bike, battery or phone that catches fire by itself (燃了), someone not answering when called (叫他没回应).
    ("fire", 3, r"(?:电池|电瓶|电芯|充电宝|锂电).{0,8}(?:在|正在|接连|一直|不停地?)(?:爆|炸)(?!单|款|料|米)|"
                r"(?:车|电池|电瓶|充电宝|手机|平板|电脑|电芯)(?:自己)?(?:自)?燃(?:了|起来)"),
    ("medical", 3, r"(?:叫|喊)(?:他|她)(?:都|也)?没(?:有)?(?:回应|反应|应)"),
    # Round 92 (people who can only type: the deaf, no signal for calls, the silent, text relayed for them): the
    # order of Chinese Sign Language (孩子 水 掉: who, where, what), a raft going flat, out of fuel and drifting, a
    # ship bearing down and close, intruders cutting the mooring lines, knocking on a cabin door without answer.
    ("person_in_water", 3, rf"{_WHO}(?:水|江|河)(?:里)?(?:掉|落)(?:了|下去)?(?!东西|石出)"),
    ("flooding", 3, r"(?:橡皮艇|皮划艇|充气艇|充气船|皮筏|救生筏|筏子|艇)(?:子)?.{0,10}(?:瘪|漏气|划破|扎破|刺破)"),
    ("propulsion", 3, r"漂.{0,2}没(?:有)?油|没(?:有)?油(?:了)?.{0,4}(?:在)?漂"),
    ("collision", 3, _BEARING_DOWN + r".{0,10}(?:好近|太近|很近|越来越近|要撞|没看见|没看到|不避让|不让)"),
    ("violence", 3, r"有人.{0,8}(?:在|正在)(?:剪|割|砍|解)(?:断)?(?:我们的?)?(?:缆|缆绳|绳子)"),
    ("missing", 3, r"(?:舱|船|房)(?:门)?.{0,8}(?:敲|拍|喊)(?:门)?(?:了)?(?:半天|好久)?(?:都|也)?(?:不应|没人应|没(?:有)?反应)"),
    # Round 91 (after the rescue and during the search): someone pulled out who is still not well, by the signs first
    # aid teaches (not breathing, no pulse, no answer, shivering that will not stop, cold, blue lips, confusion,
    # drowsiness, a cough that will not stop); shivering with confusion is hypothermia wherever it is told; someone
    # who has not come up, someone drifting past, something in the water that may be a person, a body found.
    ("medical", 3, rf"{_RESCUED}.{{0,40}}(?P<event>{_AFTER_SIGNS})"),
    ("medical", 3, rf"{_SHIVERING}.{{0,30}}{_CONFUSED}|{_CONFUSED}.{{0,30}}{_SHIVERING}|不(?:喘|呼吸)了|冇氣|"
                   r"(?:脉搏|心跳)(?:都|也)?(?:摸不到|摸不着|没了|停了|没有了)|心脏(?:也|都)?(?:没|不)(?:跳|动)(?:了)?"),
    ("person_in_water", 3, r"一直没(?:有)?(?:出水面|浮上来|露头|冒头)|(?:水里|江里|河里)(?:那个|的人|那人|那位)?(?:还)?没(?:有)?(?:捞|找|救)(?:到|着|上来)|"
                           r"漂(?:过来|下来)(?:了)?(?:一个人|个人)|(?:有|一)个人(?:在)?漂(?:着|过来)|"
                           r"(?:水里|江里|河里|江面|水面|湾里|漂着).{0,12}(?:可能|好像|像|应该|似乎)(?:是|有)(?:个)?人|"
                           r"(?:下半身|半个身子|半截身子|身子)(?:还)?(?:泡|浸)在(?:水|江|河)里"),
    ("missing", 3, r"(?:发现|看到|看见|漂着|漂过来|捞到|捞上来)(?:了)?(?:一具)?(?:遗体|尸体|浮尸)"),
    # Round 90 (crime and threats on and by the river): someone tied up, locked in or held by people, taken aboard
    # or dragged off, a ransom asked; someone thrown or held under the water; a knife or a gun one of them has; a
    # beating told by where the victim is pinned or hit (按在地上, 往头上打, 打晕); petrol bombs, a ship taken over, a
    # ship threatened with fire or a bomb or a man with maiming; a person heard knocking inside a container; a locked
    # room with someone screaming in it; days without food or water; the writer held (我被关在…) is first-hand.
    ("violence", 3, rf"把[^把，。 ]{{0,6}}{_WHO}(?:给)?(?:捆|绑)(?:起来|住|在)|{_WHO}(?:被|给)(?:人)?(?:捆|绑)(?:在|着|起来|住)|"
                    rf"把[^把，。 ]{{0,6}}{_WHO}(?:给)?(?:扣|关|锁|押|困)(?:在|到|起来|住)(?!门外|外面|家)|"
                    rf"{_WHO}被[^被，。 ]{{0,6}}(?:锁|关|扣|押)(?:在|到|起来|住)(?!门外|外面|家)|(?:来|去|拿钱|给钱|交钱)赎(?!回)|赎金|赎人|"
                    rf"(?:船|{_WHO}|我们|我)被[^被，。 ]{{0,6}}(?:人|伙|帮|他们|歹徒|劫匪|海盗)(?:控制|挟持|劫持)(?:了|住)|"
                    rf"(?:{_WHO}|同志|执法人员)被[^被，。 ]{{0,10}}(?:拖|拽|掳)(?:上船|上车|走|进(?:舱|船|车|屋|房)|到(?:船|车|岸|舱))|"
                    r"被人(?:硬|强行)?(?:拽|掳)(?:进|到|走|上)|"
                    rf"{_WHO}(?:现在)?(?:就)?在(?:他|他们|对方|绑匪|人家)手(?:上|里)"),
    # As strong as self-harm's observed signs, so that someone pushed in by others is violence, not self-harm.
    # A wish (真想把他扔江里) is no act.
    ("violence", 5, rf"(?<!想)把[^把，。 ]{{0,8}}(?:{_WHO}|我)[^把，。 ]{{0,6}}(?:往|朝)(?:江|河|水|湖)(?:里|中)(?:扔|丢|推|抛|按|摁)|"
                    rf"{_WHO}被[^被，。 ]{{0,8}}(?:往|朝)(?:江|河|水|湖)(?:里|中)(?:扔|丢|推|抛|按|摁)|"
                    rf"(?<!想)把[^把，。 ]{{0,6}}(?:{_WHO}|我)(?:扔|丢|推|抛)(?:进|到|下)?(?:江|河|水|湖)|(?<!想)把(?:{_WHO}|我)(?:给)?沉(?:江|河)"),
    ("violence", 3, r"(?:他|他们|对方|那人|那个人|那帮人|那伙人|那几个人|男的|那男的|一伙人|几个人)(?:手里|手上|身上)?"
                    r"(?:有|带(?:了|着)|拿(?:了|着)|揣着|藏着|掏出)(?:一把|把)?(?:刀|砍刀|尖刀|匕首|西瓜刀|水果刀|菜刀|枪|斧头|刀子)(?![吗么没])|"
                    r"(?:手里|手上)(?:有|拿着|握着|攥着)(?:一把|把)?(?:刀|砍刀|尖刀|匕首|西瓜刀|菜刀|枪|斧头|刀子)(?![吗么没])|"
                    r"(?:拿|带|持|举|挥|提)(?:着|了)?(?:砍刀|尖刀|匕首|西瓜刀|长刀|开山刀|刀子)|外面有人守着(?![吗么没])|"
                    r"(?:船|驾驶台|驾驶室|驾驶楼)被(?:人|他们|一伙人|几个人|歹徒)(?:抢|占|霸占|劫)(?:了|走|住)|(?:刀|枪)(?:架|顶|抵)(?:在|着)|"
                    r"打(?:老婆|媳妇|女人|孩子|小孩|老人)|按在(?:地上|栏杆上?|船边|舷边|墙上|水里)(?!摩擦)|往(?:他|她|人|我)?(?:的)?(?:头|脸|身)上(?:打|砸|砍|捅|抡)|"
                    r"(?:打|砸|敲)(?:晕|昏)|(?:扔|丢|砸)(?:了)?(?:汽油瓶|燃烧瓶|燃烧弹)|(?:汽油瓶|燃烧瓶)(?:扔|丢|砸)|"
                    r"(?:要|说要|扬言)来?(?:放火|烧船|炸船)|(?:不然|否则)(?:就)?(?:引爆|炸船)|(?:就|要)把[^把，。 ]{0,10}引爆|(?:船底|船下|船身)(?:被)?(?:绑|装|放|藏)(?:了|的)?(?:炸弹|炸药|东西)|(?:船上|舱里)(?:有|放了|装了)炸弹|"
                    r"反锁.{0,12}(?:喊|尖叫|救命|呼救)|(?:喊|尖叫|救命|呼救).{0,16}反锁|有人(?:偷偷)?(?:上|爬上|摸上|跳上)(?:了)?(?:我们|我)?(?:的)?船(?:了)?.{0,3}(?:在|正在)(?:翻|撬|搜)"),
    ("missing", 3, r"(?:集装箱|箱子|货柜|柜子|冷库|冷藏箱|货舱|底舱)里(?:面)?(?:好像|似乎|可能)?有人.{0,12}(?:拍打|敲打|敲|呼救|救命)"),
    ("violence", 3, r"(?:要|说要|扬言)(?:把|将)[^把，。 ]{0,4}(?:腿|手|胳膊|手指|脚)(?:打断|砍断|剁了|剁掉|废了)"),
    ("medical", 3, r"(?:\d|[一两三四五几])天(?:了)?(?:都)?没吃没喝"),
    # Round 89 (what machines say, pasted by people): a wearable's fall alert with no response, a crew member's MOB
    # alarm and the ship turning back to search, a lifejacket light with someone beneath it, a boiler over pressure,
    # the main power gone and the ship drifting, the stern level with the water, gas readings over the limit with
    # men below not answering, someone banging on a door that will not open, a child's watch moving into the river.
    ("medical", 3, r"跌倒(?:后)?未响应|检测到(?:严重)?(?:跌倒|摔倒)|(?:跌倒|摔倒)(?:检测)?报警(?:响)?|已呼叫紧急联系人|只听(?:见|到).{0,4}(?:哼哼|呻吟)|在哼哼|"
                   r"(?:下面|里面|舱|罐).{0,12}(?:没(?:有)?应答|无应答|不应答)"),
    ("person_in_water", 3, r"(?:在|正在)掉头(?:找|寻找|搜)|掉头(?:找|寻找|搜)(?:人|他|她)|(?:显示|报警|亮了).{0,4}mob|(?:下面|上面|里面)(?:好像)?有(?:个|一个)人.{0,4}(?:不动|没动)|"
                           r"(?:还在)?往江(?:里面?|中间|心)(?:移|挪|漂)"),
    ("fire", 3, r"超压(?:报警|了)|压力(?:表)?.{0,4}(?:还在)?往上(?:走|升|涨|冲)|安全阀(?:不动作|卡死|不起跳)|一片(?:白|黑|浓)?烟"),
    ("propulsion", 3, r"主电(?:没了|跳了|掉了|跳闸)|一片漆黑.{0,8}(?:漂|船)|船在(?:往)?下漂"),
    ("flooding", 3, r"(?:船尾|船头|甲板).{0,6}(?:和|跟|与)水面(?:快)?(?:要)?(?:平|齐)"),
    ("toxic", 3, r"(?:co2|二氧化碳|一氧化碳|硫化氢|氧气|氧含量|可燃气).{0,4}(?:浓度)?(?:超标|过高|报警了|在报警)"),
    ("missing", 3, r"(?:门)?(?:打|推)?不开.{0,8}里面(?:还)?有人|一?数(?:了)?(?:一下)?(?:人)?(?:少了|差了?)(?!.{0,2}(?:钱|货|箱))|"
                   r"只(?:有|剩)(?:下)?(?:他|她)?(?:的)?(?:一只|一双)?(?:拐杖|鞋|拖鞋|帽子)(?:在|留在)|(?<!在)船上(?:一个人都|都)?没(?:有)?人(?!.{0,3}(?:管|值班|守|住|接|下去|下水))"),
    # Round 88 (the small hours on the river): the watchkeeper gone from the bridge, a swimmer no longer seen with his
    # clothes and phone on the bank, someone struck by lightning or down and not responding, a child adrift alone.
    ("missing", 3, r"(?:值班|当班|守船|看船)的.{0,4}(?:不在了|不见了|没人了|找不到了)(?!.{0,4}(?:去|在)(?:吃饭|上厕所|厕所|睡觉|休息|买|抽烟))"),
    ("person_in_water", 3, r"(?:看不到|看不见|不见|找不到)(?:了|人)?.{0,12}(?:手机|衣服|鞋)(?:.{0,4})(?:都|还)?在岸(?:上|边)|"
                           r"(?:手机|衣服|鞋).{0,4}(?:都|还)?在岸(?:上|边).{0,12}(?:看不到|看不见|不见|找不到)"),
    ("propulsion", 3, r"(?:缆|绳)(?:没|没有)(?:系|绑|拴)(?:好|牢|紧)?.{0,4}漂(?:走|出去|远)"),
    ("medical", 3, r"(?:人|他|她|水手|船员|我).{0,4}(?:被)?雷(?:劈|击)|雷(?:劈|击|打)(?:中|到)(?:了)?(?:人|他|她|水手|船员|我)|倒(?:了|下|在地上?)(?:也)?没(?:有)?(?:反应|动静)"),
    # Round 87 (the quiet crisis: despair told indirectly): the warning signs that crisis lines teach (the last
    # words and affairs set in order are weighed in distress._self_harm); someone seen going into the water, looking down from a rail for a long time, shoes left
    # neatly, climbing over a rail or up a bridge's cable; the means (hanging, charcoal, a handful of pills, petrol
    # and a lighter, driving into the river).
    ("self_harm", 5, LAST_WORDS),
    ("self_harm", 5, r"往(?:江|水|河)(?:里|中|心|边)(?:走|推|游|去|爬)(?!.{0,3}(?:洗|玩|钓|捞|游泳|冲凉))|走进(?:了)?(?:江|河|水)里|一直往(?:江心|水里|深处)|"
                     r"(?:站|坐)在.{0,8}(?:栏杆|护栏|墩子|消波块|船边|舷边|舱口|船舷|桥上).{0,16}(?:脱鞋|不理|哭|说再见|腿伸在外面)|"
                     r"往下看.{0,12}(?:半个?(?:多)?小时|一个(?:多)?小时|好久|脱鞋|不太对劲|不对劲|不理)|(?:把)?鞋(?:子)?(?:脱了)?.{0,6}(?:整整齐齐|摆好了|摆着)|"
                     r"包和(?:一双)?鞋|(?:翻过|爬过|越过)(?:了)?.{0,6}(?:挡板|栏杆|护栏)|(?:顺着|沿着)?(?:主缆|斜拉索|拉索|桥塔)往上爬|"
                     r"往(?:栏杆|船边|舷边|船尾)(?:那边)?(?:上)?(?:爬|去|走)|(?:想|要)(?:直接)?(?:开|冲)(?:下去|进江|到江里)|"
                     r"上吊|(?:反锁|锁着|敲不开|打不开).{0,16}烧炭|烧炭.{0,16}(?:反锁|锁着|敲不开)|(?:吞|吃)了?(?:一把|好多|很多|整瓶)?安眠药|安眠药.{0,8}(?:倒在手|一把|全吃|都吃|吞)|"
                     r"(?:汽油|柴油).{0,10}打火机|打火机.{0,10}(?:汽油|柴油)"),
    # Round 86 (old people and those who look after them): someone with dementia wandered off (走失, toward the river),
    # a chip pan on fire made worse with water, someone gone from the deck with only his stick left, a boat sunk to
    # the wheelhouse roof, someone still under an overturned boat, a strong smell of gas with someone alone aboard, a
    # face covered in blood or an eye hooked, a head that surfaced once and went under, things left at the water's
    # edge and their owner not found, a boatman lost in fog, sight going dark with a dizzy head.
    ("missing", 3, r"(?<!防)走失|(?<!防)走丢(?:了)?|(?:失智|认知障碍|老年痴呆|痴呆|阿尔茨海默).{0,40}(?:出去了|走了|走掉|不见|找不到|往.{0,10}(?:走|去))|"
                   r"(?:出去了|走了|走掉|不见了|找不到了).{0,40}(?:失智|认知障碍|老年痴呆|痴呆|阿尔茨海默)"),
    ("fire", 3, r"油锅(?:着|起火|烧起来|冒火)|火(?:更|反而)大了"),
    ("person_in_water", 3, r"(?:出来|回来|一转身|回头|转个身)(?:他|她|人)?就不在了|只(?:有|剩)(?:下)?(?:他|她)的(?:拐杖|鞋|拖鞋|帽子|衣服)|"
                           r"(?:头|人)(?:冒|浮)(?:了)?(?:一下|出来)(?:又|就)(?:下去|沉下去|没了)|"
                           r"(?:车|电动车|摩托车?|自行车|鞋|拖鞋|衣服|包|鱼竿)(?:子)?.{0,4}(?:停|放|留|丢|扔)在.{0,6}(?:江边|码头|河边|岸边|江滩|桥上|堤上).{0,16}(?:人|他|她)(?:不见|找不到|没了|联系不上)|"
                           r"(?:人|他|她)(?:不见|找不到).{0,16}(?:车|电动车|鞋|衣服|手机).{0,6}(?:停在|放在|留在|在).{0,4}(?:江边|码头|河边|岸边)"),
    ("flooding", 3, r"沉(?:到|得)(?:只剩|剩|快)"),
    ("missing", 3, r"(?:还在|困在|压在).{0,8}(?:下面|底下|里面).{0,4}没(?:有)?(?:出来|上来)"),
    ("toxic", 3, r"闻到(?:一股)?(?:很|好)?(?:大|浓|重)?的?(?:煤气|燃气|液化气|天然气)味"),
    ("medical", 3, r"满(?:脸|头|身)(?:都)?是血|一脸(?:的)?血|(?:钩|扎|戳|刺|溅)(?:到|进|伤|瞎)(?:了)?(?:眼睛|眼)|"
                   r"(?:头|眼).{0,3}(?:晕|花|黑).{0,4}看不清(?:东西)?|眼前(?:一)?(?:发黑|黑了)"),
    ("missing", 2, r"不知道(?:自己|我们)(?:现在)?(?:在|到了)哪"),
    # Round 85 (the main flood season in riverside towns): people trapped by the water in houses, schools, lifts and
    # cars, or on roofs and car roofs, people not yet evacuated, water inside a home, a car adrift or its doors stuck
    # with someone in it, the warning signs of a levee failing (piping, boils, sinkholes, seepage, water spurting
    # through a wall, a crack growing, the slope washed out, water over the crest), a wall fallen with people inside,
    # live wires in the water, chemical drums leaking, someone washed against a pole and holding on.
    ("missing", 3, r"(?:困|堵|关)在(?:了)?.{0,6}(?:屋里|家里|楼里|房里|教学楼|宿舍|车里|车上|电梯|地下室|地下车库|阁楼|楼上|二楼|三楼|厂里|仓库)(?:里|内|上)?|"
                   r"(?<!锚地)(?<!船)(?<!闸)困了(?:一|两|\d+|好几|半)(?:夜|天|晚上|个小时|小时)"),
    ("missing", 2, r"(?:还有|有)(?:个|一个|几个|\d+个)?.{0,6}没(?:有)?撤(?:出来|走|离)?|"
                   r"(?:车)?门(?:打|推)?开不了"),
    ("missing", 3, r"(?:坐|站|爬|蹲|躲|待|困|还|现在|一家人)(?:在|到|上)(?:了)?(?:车顶|屋顶|房顶)(?!.{0,6}(?:看|晒|乘凉|拍|吃|喝|聊|玩|修|补|装|打扫))"),
    ("missing", 3, r"(?:车|汽车|轿车|小车).{0,8}(?:漂起来|被冲|泡水|进水|熄火|淹).{0,16}(?:人在(?:车)?里面|在车里|出不来|站在车顶|爬到车顶)"),
    ("person_in_water", 3, r"(?:人|我|他|她)被(?:水|洪水|大水)冲(?:到|出去|倒|走)|"
                           r"(?:抱|抓|扒)(?:着|住)(?:一根|根)?(?:电线杆|树干|树枝|路灯杆?|柱子).{0,8}(?:没力气|撑不住|手麻|手很麻|快不行|坚持不住)"),
    ("flooding", 3, r"管涌|翻沙|冒沙|(?:堤|坝|坡|墙|闸).{0,10}(?:鼓包|塌坑|塌陷|渗水|冒水|喷水|往外渗|往外冒|裂缝|裂了|冲掉|掏空|空了|下陷|往下陷)|"
                    r"(?:鼓包|塌坑|塌陷|冒泡|冒浑水|冒黄水|往外渗|往外冒水|喷水).{0,10}(?:堤|坝|坡|闸)|漫(?:过)?(?:了)?堤(?:顶)?|漫堤|决口|"
                    r"(?:堤|坝|防洪|防汛).{0,16}(?:裂缝|口子|塌坑|坑).{0,4}(?:在|越来越|还在)(?:变大|扩大|大)|冒浑水|水是浑的|"
                    r"水(?:已经|都)?(?:进屋|进家|到院子|进院子|到屋里|淹到(?:一楼|二楼|床|膝盖|腰|胸))|(?:屋|家)里进水(?:\d|一|半)"),
    ("flooding", 3, r"(?:房子|屋|墙).{0,2}(?:泡|淹|冲).{0,6}(?:怕|要|快|可能)(?:会)?(?:塌|倒|垮)"),
    ("flooding", 2, r"(?:地|地面|田|路面)(?:也|都)?(?:在)?(?:往下陷|下陷|塌陷|陷下去)|水(?:塘|坑)?(?:里)?(?:的水)?在打旋"),
    ("medical", 3, r"(?:墙|房子|屋|房|楼|屋顶).{0,3}(?:塌|倒|垮)(?:了)?(?:一半)?.{0,10}(?:屋里|里面|下面|底下)(?:还)?有(?:人|\d+个|两个|几个|老人|孩子)"),
    ("medical", 2, r"电线(?:杆)?(?:都|掉|断)?.{0,3}(?:泡在|掉进|掉到|落到|断在)(?:了)?水里"),
    ("spill", 3, r"(?:化工|农药|化学)(?:品)?(?:桶|罐)?.{0,30}(?:漏|泄)"),
    # Round 84 (livestreams and short videos on and beside the river): someone face down or half in the water, one
    # who fell in while filming, drifted far off, lies still on the surface, struck his head on a rock; a small boat
    # run down by a big ship; someone separated from his board.
    ("person_in_water", 3, r"头朝下.{0,8}(?:水里|水面|江里)|(?:半个)?(?:身子|身体|上半身)(?:都)?泡在(?:水|江)里|"
                           r"(?:人|他|她|孩子|小孩)(?:已经|都)?(?:被)?(?:漂|冲)(?:远|走|出去)了|浮在(?:水|江)(?:面|上)(?:上)?(?:一动)?不动|"
                           r"(?:人|他|她)(?:跟|和|与)(?:板子?|船|救生圈|浮板|桨板|皮划艇).{0,2}分开了"),
    ("person_in_water", 2, r"(?:掉|落|摔|跌|滑|栽)进去了"),
    ("medical", 3, r"(?:头|脑袋|脑壳)(?:撞|磕|碰)(?:到|在)?(?:了)?.{0,3}(?:石头|礁石|水底|江底|河底)"),
    ("collision", 3, r"把.{0,4}(?:船|划子|艇|驳|筏)(?:给)?(?:压|撞|碾)(?:下去|翻|沉|碎|扁)(?:了)?"),
    # Round 83 (the new water sports: paddleboards, kayaks, jet skis, kites, wild swimmers, sandbar campers): someone
    # who sank with cramp, a swimmer not seen on the far bank, a group that counts one short, a fire spreading to a
    # tent, a rider thrown off, a cut to the bone, someone no longer seen who was seen a moment ago, a board adrift
    # that someone was on, a child on an inflatable drifting away, someone dragged by a kite.
    ("person_in_water", 3, r"(?:抽筋|呛水|呛了水|没力气|游不动|体力不支|腿软).{0,4}(?:沉下去|往下沉|沉了)|(?:人|他|她)(?:一下子|突然|就)沉下去"),
    ("person_in_water", 2, r"(?:人|他|她)(?:被)?(?:甩|飞|弹|抛)(?:了)?出去(?:了)?|"
                           r"被(?:风筝|伞|浪|风|绳子?|船)(?:给)?(?:拖|拽|扯)(?:走|着|出去|跑)|(?:人|他|她)在(?:水面|江面|湖面)(?:上)?被(?:拖|冲|卷)"),
    ("missing", 3, r"(?:游|划)(?:过|到|去)(?:了)?(?:对岸|对面|江对面|那边|那头).{0,24}(?:没(?:有)?(?:看到|看见|见到|见着|人见过)|不见)(?:他|她|人)|"
                   r"(?:\d+|[两三四五六七八九十几])个(?:人)?(?:一起)?(?:出发|出去|下水|下去|去的|上船|划出去).{0,16}只(?:数到|剩|剩下|回来|看到|上来)(?:了)?(?:\d+|[一两二三四五六七八九十])个|"
                   r"上面(?:没人|没有人|是空的|空的).{0,12}(?:刚才|刚刚|之前|本来)(?:还)?(?:看到|看见)?(?:有)?人|"
                   r"(?:刚才|刚刚|之前|本来)(?:还)?(?:看到|看见)?有人在上面.{0,12}(?:现在)?(?:没人|没有人|空了)"),
    ("missing", 2, r"(?:看不到|看不见|找不见)(?:他们|他|她)了"),
    ("person_in_water", 2, r"(?:刚才|刚刚|之前|本来)还(?:能)?(?:看到|看见|看得到|看得见|在)(?:他的?|她的?)?(?:头|人|脑袋)?.{0,6}(?:现在|这会儿?|一下子|转眼)(?:就)?(?:看不到|看不见|不见|没)了?"),
    ("person_in_water", 3, r"(?:坐|趴|躺|骑|站)(?:着|在)(?:一个|个)?(?:充气|橡皮|泡沫|游泳)?.{0,5}(?:越漂越|漂(?:走|远|出去|向|到)|往.{0,4}漂)"),
    ("fire", 3, r"把.{1,6}(?:点了|点着了?|引燃了?|烧着了)"),
    ("collision", 3, r"对撞"),
    ("medical", 3, r"看(?:得)?(?:到|见)(?:了)?骨头|(?:割|划|切|砍)(?:开|破)了?.{0,6}(?:好深|很深|见骨)|(?:口子|伤口)(?:好|很|特别)深"),
    # Round 82 (children and teenagers writing): pain that has someone rolling on the floor, the water red at a
    # propeller, a child drifting told by a child.
    ("medical", 3, r"(?:疼|痛)得(?:在地上)?(?:打滚|直不起腰|满头大汗|满地滚)"),
    ("medical", 3, r"(?:螺旋桨|桨|卷到|卷进).{0,12}水(?:都)?(?:红了|染红)"),
    ("person_in_water", 3, r"(?:江|河|水|湖)(?:上|面|里)漂着(?:一)?(?:个)?(?:小孩|孩子|男的|女的|老人|人)"),
    # Round 81 (the city riverfront at night): someone hanging on or clinging to a pier, a child drifting, a car through
    # the barrier and down, someone in the water still, someone jumping as one watched, climbing over or onto a
    # bridge's rail, saying he will jump in a moment, wading out into the deep.
    ("person_in_water", 3, r"(?:挂着|挂了)(?:一个|个)人(?!的)|(?:人|小孩|孩子|男的|女的|老人).{0,12}在(?:水|江|河)里(?:面)?(?:漂|浮)(?!着玩|流)|"
                           r"(?:人|他|她)(?:在水里)?(?:抓着|抱着|扒着)(?:桥墩|木头|树枝|浮标|航标|缆绳|船边|石头)|"
                           r"(?:车|汽车|轿车|小车|面包车)(?!钥匙|票|位|库|灯|门|牌|上的)(?:(?!没|不).){0,12}(?:飞|冲|掉|翻|栽)(?:下去|下江|进江|进水|进河|到江里|到水里|到河里)|"
                           r"(?:水里|江里|河里)还有(?:一个|\d+个|两个|人)|有人跳了|(?:看着|看见|看到)(?:他|她|人)(?:跳|掉|落)?下去(?:的|了)|"
                           r"(?:说|扬言|喊着?)(?:等会|待会|等一下|马上|一会儿?)(?:就)?(?:要)?跳(?!槽|舞|绳|远|高|伞|广场)|"
                           r"(?:站|走)在水里.{0,8}(?:往|向)(?:深处|江心|江中间|中间|水深)|往(?:深处|江心|江中间|水深的地方)(?:走|去)"),
    ("person_in_water", 2, r"翻(?:过)?(?:了)?(?:桥)?(?:的)?(?:栏杆|护栏|围栏)|爬上(?:了)?(?:桥)?(?:的)?(?:栏杆|护栏)|溅起.{0,4}水花"),
    # Round 80 (the fishing ban years: patrols, night fishing, fish farms, anglers): someone found who does not
    # respond, a boat found upside down, someone sinking in mud, an empty boat adrifting, someone trapped under a hull
    # knocking, a shock from a battery cable with a breath left, a shape adrift that may be a person, a raft or a
    # floating platform breaking up.
    ("medical", 3, r"(?:叫|喊|拍)(?:他|她)?(?:也|都)?没(?:有)?(?:反应|动静)|(?:还|只)(?:有|剩)(?:一)?口气|"
                   r"被(?:电|电线|电瓶线|电瓶|电缆|电鱼机|电网)(?:线)?(?:给)?(?:打|电|击)(?:到|中|了|倒)"),
    ("flooding", 3, r"船.{0,10}(?:是)?(?:倒)?扣着|(?:平台|浮台|网箱|木排|竹排|筏子?)(?:在|正在|快|要)散(?:架|了)"),
    ("missing", 3, r"(?<!车)(?<!车子)(?<!轮子)(?<!轮胎)(?<!船)陷(?:进|在|到)(?:了)?.{0,4}(?:淤泥|烂泥|泥潭|泥巴|沼泽|泥)|越陷越深|只剩(?:个)?(?:上半身|头|脑袋)|"
                   r"(?:船|艇|划子)(?:是)?空着(?:在)?漂|空船(?:在)?漂|(?:半天|好久|一直|到现在)(?:都)?不见(?:人|他|她)|"
                   r"(?:困|关|卡)在.{0,8}(?:底下|下面)|在里面敲(?!门)"),
    ("person_in_water", 3, r"(?:漂着|浮着|漂过来)的(?:那个|一个|个)?(?:东西)?(?:好像|像|是)(?:是)?(?:个|一个)人"),
    # Round 79 (illness and injury aboard told by its signs, as a first-aid course teaches them): a stroke (speech
    # gone wrong, a face drooping, one side weak), the airway swelling after food or a sting, fits, a thunderclap
    # headache, a diabetic's confusion, poisoning by a cleaning fluid or pesticide, a finger or toe cut off, a child
    # scalded, a pregnancy in trouble, a heart racing with a weight on the chest, someone who will not quite wake.
    ("medical", 3, r"(?:说话|讲话|讲闲话).{0,3}(?:不清|含糊|颠三倒四|勿清爽)|(?:说话|讲话)(?:说着说着|讲着讲着|讲一半|说一半)(?:就)?(?:卡住|听不懂)|口齿不清|"
                   r"(?:嘴|嘴巴|面孔|脸)(?:都)?歪(?:了|脱|掉)?|(?:只有)?半边(?:脸|身子?|身体)(?:动|没力|冇力|不能动|麻|没知觉)|"
                   r"(?:左|右)(?:边|手|腿|脚|胳膊)(?:都)?(?:拖着|没力|没劲|不能动|握不住|抬不起|不听使唤)|(?:一只|一边)(?:手|脚|腿)(?:吊牢|不能动|没力|拖着)|"
                   r"講唔到話|讲不出话(?!来)|"
                   r"(?:喉咙|嗓子(?:眼)?|舌头)(?:都)?肿(?:了|起来|成)|张着嘴喘|喘(?:气)?(?:呼哧|得厉害|不动)|"
                   r"(?:全身|突然|又|一直|开始)抽(?:起来|搐|了)|抽搐|抽风|口吐白沫|翻白眼|"
                   r"这辈子没这么(?:痛|疼)过|"
                   r"叫(?:他|她)?(?:也)?(?:不太|都不)(?:醒|睁眼)|叫不太醒|(?:眼睛)?(?:都)?不(?:太)?睁(?:眼|开)?|瘫(?:在|倒)|烂苹果味|"
                   r"(?:吃|喝|误食|误喝)(?:了|下)?.{0,6}(?:农药|消毒液|敌敌畏|百草枯|老鼠药|除草剂|漂白水|洗洁精|机油)|"
                   r"(?:消毒液|农药|敌敌畏|百草枯|老鼠药|洗洁精).{0,6}当成|"
                   r"(?:手指|指头|拇指|小拇指|脚趾|脚指)(?:头)?(?:尖)?.{0,6}(?:断了|掉了|剁掉|切掉|夹断|没了)|(?:断|剁|切|夹)(?:了|掉了)?(?:一截|半截)|血(?:流|淌)了一(?:地|甲板|身)|血喷|"
                   r"(?:全|都)烫(?:了|伤)|皮(?:都)?(?:起皱|发白|掉了)|"
                   r"(?:怀孕|孕妇|怀着孕|[五六七八九5-9]个(?:多)?月).{0,20}(?:流血|见红|流水|破水|肚子(?:一阵一阵)?(?:疼|痛)|抽|昏)|破水了|"
                   r"(?:肚子(?:一阵一阵)?(?:疼|痛)|流血|见红|破水).{0,20}(?:怀孕|孕妇|怀着孕|[五六七八九5-9]个(?:多)?月)|下面(?:在)?(?:流水|流血|出血|见红)|"
                   r"心(?:跳|脏)(?:乱蹦|乱跳|跳得好快|蹦出来)|胸口(?:压得慌|压着|像被压)|(?:哭|哭得)没(?:有)?眼泪|拉(?:的)?(?:都是)?黑(?:的|便)|发冷打摆子"),
    ("medical", 2, r"被(?:蛇|毒蛇|水蛇|马蜂|蜂|黄蜂|蝎子|蜈蚣|啥东西|什么东西)(?:给)?(?:咬|蛰|蜇|叮)(?:了|伤)|(?:一|两)个血洞|"
                   r"头(?:痛|疼)得像要(?:炸|裂)|昏昏沉沉|走路东倒西歪|说话(?:慢吞吞|变慢|迟钝)|(?:嘴巴|嘴唇)(?:都)?肿(?:了|起来|成)|(?:问|叫)(?:他|她).{0,8}都不知道|说不出话(?!来)|(?:嘴|脸|眼睛)(?:都)?肿(?:了|起来|成)|"
                   r"全身(?:起)?(?:红包|红疹|疹子)|(?:头疼|头痛)(?:得厉害)?.{0,3}(?:吐|呕吐)"),
    # Round 78 (dispatch and owners' groups): a hull cracking and hogging; someone pinned under a dropped box; a ship
    # that cannot stop and goes on into the one ahead; a man not seen for hours, the ship searched, only his slippers
    # found; someone struggling in the water; a hold all on fire, smoke still rising.
    ("flooding", 3, r"(?:船体|船身|船壳|船底|龙骨).{0,4}(?:裂开|开裂|断裂|裂了)|断成两截|(?:船)?中拱了|中垂了"),
    ("flooding", 2, r"(?:甲板|舱壁|舱底).{0,4}(?:裂开|开裂|裂了)|"
                    r"(?:甲板|舱壁|舱底|船体|船身|船壳)(?:上)?.{0,6}(?:裂缝|裂口|缝).{0,4}(?:一直|越来越|在)(?:变)?(?:宽|大|长)"),
    ("medical", 3, r"(?:下面|底下)(?:还)?压着(?:个|一个|\d+个|两个)?人|压着(?:个|一个)人"),
    ("collision", 3, r"(?:还是|还在|一直)(?:在)?往(?:上|前)?撞|往上撞|刹不住(?!车)|停不下来(?!了吗)"),
    ("missing", 3, r"(?:小时|半天|一上午|一下午|一晚上|一天|好久|一早|今早)(?:了)?(?:也|都|还)?没(?:见|看见|看到)(?:着|到)?(?:人|他|她)|(?:船上|全船|到处)(?:都)?(?:翻|找)遍了|"
                   r"只(?:在.{0,6})?(?:找到|捡到|看到|剩)(?:了)?(?:他|她)?的?(?:拖鞋|鞋|衣服|帽子|安全帽|救生衣)"),
    ("person_in_water", 3, r"(?:人|他|她|孩子|小孩)(?:在)?(?:水里|江里|河里)?(?:乱)?扑腾"),
    ("fire", 3, r"(?:全|都)是火(?!锅|车|腿|柴|红|气)|一片火海|火越来越大|(?<!囱)(?<!囱的)烟(?:还在|一直在|一直|又在|又)冒"),
    # Round 77 (shipyards and hot work): a fall into a manhole or from a height, stuck in it, a face gone purple; the
    # people who went into a tank falling one after another, the watchman too, nobody answering; someone not seen to
    # come out of a tank all day; a man stranded on a swaying scaffold; an eye burnt through; smoke with someone inside.
    ("missing", 3, r"(?:掉|落|跌|摔|栽)进(?:了)?.{0,10}(?:人孔|舱口|洞|坑|井|罐|双层底)|上不来(?:也)?下不去|卡在(?:中间|半中间|里面)(?:了)?"),
    ("medical", 3, r"(?:脸|嘴唇|嘴)(?:都|已经)?(?:憋|变|发)(?:得)?(?:紫|青)(?:了)?|脸色发青|倒在.{0,6}(?:上|里|下|边)?(?:一)?动?不动了|"
                   r"从.{0,6}(?:高处|架子|脚手架|梯子|楼|顶|上面|吊机|塔吊|舱口|平台|分段).{0,3}(?:摔|掉|跌|坠|栽)(?:了)?下来(?!的)|"
                   r"眼睛.{0,6}(?:烫|烧|扎|刺|戳|崩)(?:穿|伤|瞎|坏|进)"),
    ("toxic", 3, r"(?:进去|下去|监护|看护|救)(?:的)?(?:人)?(?:自己)?(?:也|还是|都)倒(?:了|下)|(?:一|刚)?进去就(?:倒|晕)|第[二两三](?:个)?(?:人)?也倒|"
                 r"(?:都)?没人(?:能)?(?:喊|叫)得?应"),
    ("missing", 3, r"(?:舱|罐|人孔|里面|里头).{0,10}没见(?:着)?(?:人|他|她|他们)?出来|进去(?:的)?.{0,16}(?:一直|到现在|都)?没(?:见)?(?:人)?出来|"
                   r"(?:脚手架|架子|塔吊|吊机|桅杆|高处|顶上|烟囱).{0,20}(?:下不来|不敢动)"),
    ("fire", 3, r"烟.{0,10}有人在(?:里面|舱里|里头)|有人在(?:里面|舱里|里头).{0,10}(?:冒烟|起烟|烟|火)"),
    # Round 74 (winter nights): the helmsman collapsed on the bridge with nobody steering, someone jumping off a bridge,
    # a voice from the water and a hand seen there, a ship's lights going out and shouts heard after.
    ("medical", 2, r"(?:倒|躺)(?:在)?(?:了)?(?:驾驶台|驾驶室|舵台|机舱|床上|门口|地上)"),
    ("toxic", 3, r"(?:臭鸡蛋|煤气|燃气|液化气|天然气|刺鼻|氨)味.{0,20}(?:倒下|倒在|倒地|晕倒|昏倒|不省人事)"),
    ("propulsion", 3, r"(?:船|舵)(?:上)?(?:就)?没人(?:开|掌舵|驾驶|操纵)了"),
    ("person_in_water", 3, r"有人(?:从.{0,8})?跳(?:下来|下去)了|(?:江面|水面|水里|江里|河里|水中)(?:上)?(?:有)?(?:个)?(?:东西|人|啥)在(?:喊|叫|呼救)"),
    ("person_in_water", 2, r"(?:看到|看见)(?:了)?(?:一只|只|有只|一双)手|听(?:到|见)(?:有)?人(?:在)?(?:喊|叫|呼救|哭)"),
    ("propulsion", 2, r"船(?:上)?的?灯.{0,6}(?:灭|黑)了"),
    # Round 73 (the middle river, its lakes and floods): a pleasure boat that cannot get back, a hand caught in a winch,
    # bleeding that will not stop, a leg stuck under a boat, old people carried off in a sampan, a child or a car gone
    # into the river, someone overdue on the lake at nightfall, a dyke breached with someone on a roof, something in
    # the water that rises and sinks, a hold taking much water with the pump broken.
    ("propulsion", 3, r"(?:划|漂|开|吹)(?:到|出)(?:了)?(?:湖|江|河)(?:中间|中心|心|中).{0,8}(?:回不去|回不来|划不回|划不动|靠不了)|"
                      r"(?:被)?(?:水|浪|风|流|急流)(?:给)?(?:冲|吹|推|带)着(?:往|向|朝)(?:江|河|湖)?(?:中间|中心|心|下游|桥墩|大坝|坝|闸|航道|深水|外面)"),
    ("propulsion", 2, r"(?:回|划|游|开)不(?:去|回去|回来|动)了"),
    ("medical", 3, r"血.{0,3}(?:停不下来|止不住|一直流)"),
    ("medical", 2, r"被(?:卷扬机|绞车|绞缆机|锚机|机器|皮带|齿轮|滚筒|吊机)(?:给)?(?:夹|压|卷|绞|轧)(?:了|住|伤|进)(?!一下)"),
    ("missing", 3, r"(?:腿|脚|手|人|身子)(?:被)?卡在.{0,8}(?:拔不出|出不来|动不了|抽不出)|"
                   r"(?:还|被困|困|爬|站|蹲)(?:在)?(?:屋顶|房顶|楼顶|树上|树顶)"),
    ("person_in_water", 3, rf"{_WHO}(?:(?!的).){{0,8}}(?:掉|落|摔|冲|滑|栽)进去了|一浮一沉|"
                           r"(?:车|汽车|轿车|小车|面包车|货车|电动车)(?:(?!船).){0,6}(?:冲|掉|翻|栽|滑)(?:进|入|下)(?:了)?.{0,4}(?:江|河|水|湖)"),
    ("flooding", 3, r"(?:大堤|堤坝|江堤|河堤|圩堤|堤)(?:.{0,4})(?:垮|塌|决|溃|破)(?:了|口)|决堤|溃口|溃堤|进了(?:好多|很多|大量|不少|半舱)水"),
    ("flooding", 2, r"(?:抽水机|水泵|排水泵)(?:也|又)?坏(?:了)"),
    ("missing", 2, r"(?:电话|手机)(?:也|都|一直)?(?:停机|关机)(?!.{0,4}(?:吗|怎么|咋))|定位.{0,6}(?:没动|不动|消失|没了)"),
    # Round 72 (the estuary: sea-going ships, foreign crews, offices ashore): a boat overdue with the phone dead, smoke
    # that keeps growing, wiring that smells burnt, water coming in in broken Chinese, a finger torn off by a winch,
    # much blood, a phone not answered.
    ("fire", 3, r"越冒越(?:大|多|浓|凶)|(?:电线|电缆|线路|塑料|橡胶)(?:烧焦|烧糊|焦糊|糊)(?:的)?(?:味|气味)"),
    ("flooding", 3, r"水(?:很多|好多|大量|一直|不停|哗哗)(?:地)?(?:往)?(?:里)?进来"),
    ("medical", 3, r"(?:手指|手|脚|腿|胳膊|指头|脚趾)(?:头)?(?:被)?.{0,6}(?:绞|轧|切|锯|压|夹|卷|砸)(?:掉|断|烂)|血(?:很多|好多|特别多|流个不停)"),
    ("missing", 2, rf"{_WHO}(?:的)?(?:电话|手机)(?:也|都|一直)?(?:打)?不(?:通|接)|打(?:他|她)(?:的)?(?:电话|手机)(?:也|都|一直)?不接"),
    # Round 71 (the Three Gorges and the upper river): someone electrocuted (电鱼 and shore power), someone lying still.
    ("medical", 3, rf"(?:把自己|把人|把他|把她)(?:给)?电(?:到|倒|晕|伤)|电(?:晕|倒)(?:了)|(?:{_WHO}).{{0,2}}躺(?:在)?.{{0,5}}(?:一动不动|不动|没反应|没动静)"),
    # Round 70 (the lower river: bridge works, chemical and LNG tankers, anchorages): a load or a crane come down on a
    # ship, two ships run into each other (撞一块), a tank's pressure climbing out of control, someone lying on the
    # deck, a line spraying, a raft carried off with someone on it, a leak running into the river.
    ("collision", 3, r"(?:浮吊|吊车|塔吊|吊机|龙门吊|桥吊|起重机|吊臂|吊杆|脚手架|桥梁)(?:给)?(?:倒|塌|断|翻|掉|砸)(?:了|下来)|"
                     r"(?:砸|压)(?:在|到|中)(?:了)?(?:一条|一艘|那条|这条|我们的?|我的?|人家的?)?(?:小|大|渔|货|客|拖|油)?(?:船|驳|艇|趸船|甲板|驾驶台|舱|人)(?:上|身上)?|"
                     r"(?:船|驳|艇|轮).{0,8}(?:撞|碰)(?:到|在)?(?:一块|一起|一堆)"),
    ("fire", 3, r"压力(?:一直|不停|持续|还在|在)(?:在)?(?:往上)?(?:升|涨|飙|上升)|(?:压力|温度).{0,8}(?:压不下来|降不下来|下不来|控制不住)"),
    ("medical", 2, r"(?:甲板|地|舱|船)(?:上|里|底)?躺着(?:一)?(?:个)?人"),
    ("spill", 2, r"(?:管子|管线|软管|阀门|接口|法兰|管道).{0,4}(?:在|还在|一直)(?:喷|漏|冒)|往(?:江|河)里(?:漏|喷)"),
    ("missing", 3, r"(?:漂|冲|刮|吹)(?:走|远)(?:了).{0,6}(?:上面|里面|上头)(?:还)?(?:有|坐着|躺着)"),
]

# A ship aground or lying still for days, or a thing ashore long ("冲上岸好久了"): a matter of salvage or traffic, not of rescue
# ("搁浅在码头前面已经三天了").
LONG_STANDING = re.compile(r"(?:好几|几|两|三|四|五|六|七|八|九|十|\d+)(?:个)?(?:天|星期|礼拜|周|月|年)了|(?:岸|滩)(?:上|边)?(?:已经)?(?:好|很)久了")

# 过 right after the event: it happened once before ("孩子掉下去过一回"), an experience rather than news; not 过来 /
# 过去 (where it is going), 过不去 (whether it can), a place crossed (过河, 过闸) or a state (熏蒸过的舱).
EVER = re.compile(r"过(?!来|去|不|得|河|江|桥|闸|头|了|的|一下子)")

# A threat to the office said during the event ("要是十分钟还不来 我就发网上", "不管我就打电视台"): not a frame of its
# own; what it names (网上, 电视台, 视频) is not news and what it supposes is not a plan.
THREAT = re.compile(r"(?:要是|如果|再)(?:你们)?.{0,10}(?:不来|还不来|不管|不派)|要是.{0,8}(?:我)?就(?:发|打|找|告)|"
                    r"(?:我)?就(?:打|找|发|告诉|曝光|投诉)(?:到|给)?(?:电视台|记者|媒体|网上|抖音|微博|朋友圈|12345|市长热线)|"
                    r"(?:拍着|在拍|录着)视频|发抖音|发网上")

# Which number to call, asked beside a bare report ("落水 打什么电话", "进水 电话多少 快"): asked during the event.
ASK_NUMBER = re.compile(r"(?:打|拨)?(?:什么|哪个|几号)电话|电话(?:是)?多少|号码(?:是)?多少")

# A warning not to let it happen, right before it is told: "过桥洞要注意，别撞到桥墩".
CAUTIONED = re.compile(r"(?:注意|小心|当心|留神|留心)(?:点|一点|些)?(?:别|不要|不能|莫|防止|避免)(?:再)?$")
# Denied right before it is told: "没人掉下去", "没有落水".
DENIED_BEFORE = re.compile(r"(?:没|没有|未|无|(?<![是那这])不是)人?$")

# The event nearly happened and did not ("差点掉下去，被我拉住了", "险些碰撞"): a telling so governed is not counted.
ALMOST = re.compile(r"差(?:一)?点(?:儿)?(?:就|又|也|要|被.{0,6}|给|让|把.{0,6})?|险些|差不点")
ALMOST_EN = re.compile(r"(?<![a-z])(?:almost|nearly)(?: \w+)?\s*$")

# English words for the same events, read as words.
ENGLISH = [
    ("person_in_water", r"man overboard|mob|overboard|drowning|going under|jumped in to (?:save|help)|in (?:the )?water(?! (?:tank|pipe|supply|level|depth))|"
                        r"(?:not|isn't|is not|didn't|did not) (?:come|coming) up|no bubbles|fell between|"
                        r"not surfaced|sleepwalk\w*"),
    ("fire", r"fire|smoke|explosion|burning"),
    ("flooding", r"sinking|sink|flooding|capsiz\w*|listing|taking water|water coming in|going down|lean\w*|tilt\w*|"
                 r"pump (?:no|not|don't|doesn't|can't|cannot) work"),
    ("collision", r"collision|collided|crash\w*|hit each other|hit us|hit our|struck"),
    ("grounding", r"aground|grounding|grounded|stuck|cannot move|can't move"),
    ("propulsion", r"engine failure|engine (?:down|dead|broken)|drifting|blackout|no power|steering failure|dragging anchor|"
                   r"lost (?:steering|power|engine|propulsion)|no steering|steering (?:lost|gone|broken)|"
                   r"anchor drag\w*"),
    ("person_in_water", r"(?:fell|fallen|jumped|slipped|went|washed|swept|thrown|pushed|knocked)(?: \w+){0,5} into (?:the )?(?:water|river|sea)|"
                        r"fell (?:into|in|overboard|off)|jumped (?:into|overboard|off)|fall in (?:the )?river"),
    ("medical", r"injured|injury|bleeding|electric shock|doing cpr|unconscious|heart attack|not breathing|no breathing|stop(?:ped)? breathing|fell down|fall down|not moving|medevac|ambulance|collapsed|"
                r"passed out|fainted|choking|can'?t breathe|can t breathe|throat (?:is )?closing|epipen|face (?:is )?drooping|"
                r"can'?t speak|stroke|seizure|badly burn\w*|burn(?:ed|t) (?:his|her|their)? ?(?:face|arms?|hands?|body|legs?)|skin peeling|"
                r"(?:man|worker|crew\w*|someone|person|guy) (?:is )?(?:under|beneath)|can hear (?:him|her|them)|(?:is |are )?under it|(?:fell|dropped|landed) on (?:a |the |our )?(?:\w+ )?(?:man|men|worker|guy|crew|him|her|someone|people)|chest pain|can ?not breathe|can't breathe|need (?:a )?doctor"),
    ("toxic", r"gas leak|toxic|poison\w*|enclosed space|breathing apparatus"),
    ("spill", r"oil spill|spill\w*|leaking|oil (?:going|leak\w*|into)"),
    ("missing", r"missing|can ?not find|cannot find|lost a crew|no (?:one|person|people|body) on board|nobody on board|"
                r"going round and round|circling|(?:child|boy|girl|kid|man|woman|crew|person|passenger)s? (?:is |are |was |got )?lost"
                r"(?= (?:on|at|in|near|from|overboard)\b|$|[,.!])|"
                r"(?:child|boy|girl|kid) lost|searched (?:\d+|one|an) hours?"),
    ("violence", r"attack\w*|knife|fight\w*|pirates?"),
    # Round 23, foreign crews: water ingress, moorings parted, steering gear failure, someone unresponsive or
    # crushed, H2S or CO2 in a space, an overflow, trapped or not answering, armed men or stowaways on board.
    ("flooding", r"water ingress|ingress|overturned|flooded|hole in (?:the )?hull|list(?:ing)? (?:of )?\d+ ?(?:deg\w*|°)"),
    ("collision", r"collid\w*|hit (?:the|a) (?:bridge|pier|jetty|barge|ship|vessel)"),
    ("propulsion", r"moorings? (?:parted|broke\w*|snapped)|(?:stern |head |bow |spring )?lines? (?:parted|broke\w*|snapped)|"
                   r"steering (?:gear )?fail\w*|(?:heading|going|drifting) (?:to|for|towards|onto) (?:the )?bank|no control|out of control|(?:cannot|can'?t) avoid|moving off the berth"),
    ("medical", r"not responding|unresponsive|crushed|trapped under|cut (?:his|her|my) \w+ (?:very )?deep|very sick|high fever|"
                r"vomiting blood|blood (?:won'?t|will not|does not|doesn'?t) stop|send (?:a )?doctor|cpr"),
    ("toxic", r"h2s|co2 released|released co2|co2 (?:leak\w*|discharge\w*)|oxygen (?:is )?(?:low|only)|o2 (?:only|low)"),
    ("spill", r"overflow\w*|oil on (?:the )?(?:river|water)"),
    ("missing", r"waving (?:from|for help)|stranded|water (?:is )?rising|cut off by|trapped|(?:cannot|can'?t) climb out|not answering|no answer|no (?:reply|response) (?:on|from|for)|not seen|lost contact"),
    ("violence", r"armed men|boarded|robbers?|knives|citadel|stowaways?|climbing (?:up )?(?:our |the )?anchor chain"),
]

# Explicit calls for help: an emergency in themselves unless only named ("求救电话是多少").
CALLS = [
    (5, r"(?:启动|发起|触发|按)(?:了)?(?:紧急求助|sos|紧急呼叫)"),
    (5, r"拉我一把|拉我上去|快报警|帮(?:我们)?报警|三短三长三短|救命|救救(?!生)|求救|呼救|快来人|来人啊|来人呀|救人啊|救人呀|快救|快来救|(?<!自)救(?:我们|我|一下|人(?!时|的时候|后|以后|经历|事迹|英雄))|求求(?:你|您)们?|快(?:点)?派|再派(?:一)?(?:条|艘|个)?(?:船|艇|人)?(?!.{0,6}(?:讲|培训|检查|宣传))|派(?:船|人)来(?!.{0,6}(?:讲|培训|检查|宣传|看看|上课))|(?:要不要|该不该)(?:跳船|弃船)|请求(?:支援|帮助|救援)|请求.{0,16}(?:支援|救援|救助)|请(?:帮助|救)|需要(?:紧急|立即|马上)?(?:120|119|支援|救援|救助|拖轮|医疗|医生|消防|救护车|直升机|拖船)|"
        r"请(?:派|来|发送|送)(?:一(?:条|艘|个))?(?:船|消防船|救援船|拖轮|海巡艇|直升机|医生|救护车)|(?:请|请求)(?:立即|马上|尽快|紧急)(?:协助|援助|救助|支援)|"
        r"(?:请|需要)?(?:增派|加派)|请(?:快|赶快|马上|立即|立刻)来|请来(?:救|帮|人)|请来$|请(?:快|赶快|马上)(?:点|一点)?$"),
    (3, r"紧急求助|十万火急|快来(?!看|抓|查|管)|出人命|启动(?:了)?(?:应急)?预案|(?:快|就要|要)撑不住|坚持不(?:了|住)|顶不住了|"
        r"你们的(?:船|人)(?:到哪|什么时候到|还要多久)|派(?:消防船|拖轮|救援船|海巡艇|船).{0,2}(?:来|支援|救援)|出人命|人命关天|要死人|弃船|(?:快|赶紧|赶快|马上)(?:点)?来(?:人|救)"),
    # Emergency actions ordered now: everyone into life jackets, the boats or rafts lowered.
    (5, r"(?:叫|让|喊|快)(?:大家|所有人|全船|乘客|我们)?.{0,2}穿(?:上|好)?救生衣|放(?:救生)?(?:艇|筏)|准备(?:跳船|跳水)|"
        r"(?:快|赶紧|马上)叫(?:拖轮|拖船|救护|救户|消防|救援|人)|求(?:你|您)们?(?:快)?(?:来|帮|救)|请(?:海事艇|海巡艇|海事|你们|派船|派人).{0,6}(?:支援|救援)|"
        r"请求(?:紧急)?(?:拖轮|拖船|派船|派艇|援助|救护|医疗|救援)|(?:协调|叫|打)120|(?:我们|我|我的)(?:的)?船(?:上)?出(?:事|大事)了"),
    (3, r"信号弹|求救信号|红色(?:的)?(?:烟火|火焰|焰火|火箭|降落伞)|橙色(?:的)?烟(?:雾)?|(?:挥|摇)(?:着|动|舞)?(?:红旗|红布)|(?:双臂|两臂|两手|双手|手臂|胳膊)(?:一直|不停)?(?:上下|反复)(?:摆|挥|摇)|呼叫.{0,6}海事|请求(?:派)?.{0,6}(?:支援|增援|增派)|请求(?:紧急)?(?:协助|指示|救助|医疗|围控|拖带|增援|支援)|请协助|(?:能|可以|能不能|可不可以)(?:来|派人)?救(?:吗|一下|救)|"
        r"请帮忙|要(?:跳船|弃船)|不是(?:演习|演练|训练).{0,3}(?:是)?真的"),  # common in requests of any kind: weaker than 请帮助
    # 紧急 on its own or before a plea ("紧急 快来"), not as an adjective ("紧急清淤", "紧急通知").
    (2, r"请帮帮|紧急情况|(?:^|(?<=[!！,，。]))紧急(?=[!！,，。]|$|快|赶紧|马上|救|求|呼叫)|求助|帮帮(?:我|我们|忙)|遇险|险情|(?<![没会])有危险|不得了了|完了完了|遭了|糟了"),
    # Long blasts, again and again: a sound signal of distress heard from the bank.
    (3, r"(?:好几|几|连续|多)声长(?:的|笛|声|鸣)|长声(?:鸣笛|笛|汽笛)|一直长鸣|长鸣不止|不停(?:地)?(?:鸣笛|拉笛)"),
    (1, r"(?<!是不是)(?<!是否)(?<!会不会)(?<!难道)(?<!不会是)(?:出事了|出大事)"),
]
# A report headed as an alarm ("报警：LNG运输船…", "紧急 …"): the heading, before the first space, is the call.
HEADED = re.compile(r"(?:报警|紧急报告|紧急求助|求救)\s")


def _swapped(*words: str) -> str:
    """The words and their slips with two neighbouring letters swapped (hlep, mayady), as one alternation: typed
    in a hurry on a phone, not looked at."""
    slips = {w[:i] + w[i + 1] + w[i] + w[i + 2:] for w in words for i in range(len(w) - 1)}
    return "|".join(sorted(slips | set(words), key=len, reverse=True))


# Latin calls are read as words, with their spaces: "isosceles", "ASOS快递" and "so so much" are no SOS.
LATIN_CALLS = [
    (5, rf"(?<![a-z])(?:sos|s0s|s o s|{_swapped('mayday')}|may day)(?![a-z])"),
    (3, rf"(?<![a-z])(?:{_swapped('help', 'emergency')}|need (?:assistance|support|help)|"
        r"request(?:ing)? (?:immediate )?(?:assistance|help|tugs?|firefighting|medical|medevac|evacuation)|"
        r"need (?:urgent |a |an )?medevac|medevac (?:now|asap|urgent\w*)|"
        r"require (?:immediate )?assistance)(?![a-z])"),
]
# A call word used as a noun: "求救电话", "呼救信号" name the call, they do not make it.
# A call that was not made: "溺水的人为什么喊不出救命".
CALL_UNSAID = re.compile(r"(?:喊|叫)不出(?:来)?$|不会喊$|没(?:有)?喊$")
CALL_AS_NOUN = re.compile(r"(?:救命|求救|呼救|求助|遇险|险情|紧急情况|紧急|弃船)(?:呼叫|频道|回顾|统计|分析|总结|案例|电话|号码|热线|信号|方式|渠道|程序|流程|设备|箱|包|知识|培训|演练|演习|报告|中心|联系|平台|处置|时|的时候|下|"
    r"英雄|恩人|稻草|按钮|报警|系统|装置|管管|管一管|评评理|通知|避险|撤离|疏散|预案|联系人|措施|出口|集合|停车|加急|办理)")

# Signs that the message reports something happening now: urgent ones, and ordinary ones.
URGENT = re.compile(
    r"偷偷(?:用|借)?(?:别人)?(?:的)?手机|偷偷发|刚接到.{0,6}电话|(?:人|我们|大家)还(?:待|呆|留|困)在(?:上面|船上|里面)|快来(?!看|抓|查|管)|快点|赶紧|赶快|立刻|马上|速来|请速|快(?:打|叫)(?:120|110|12395|119|救护车)|有没有(?:人|船)在附近|附近有没有(?:人|船)|快救|快派|快帮|快想办法|(?<![没未])来人|救救(?!生)|救命|急死|急急|十万火急|正在|还在|一直在|"
    r"不行了|撑不住|顶不住|来不及|搞不赢|越来越|现在还(?!没(?:修|弄|处理|管|解决|整改|换|装|补|赔|给))|到现在|啊啊|呀呀|快快|(?:好多人|大家|乘客|人)(?:都)?在(?:尖叫|哭喊|喊|叫|哭)"
)
LIVE = re.compile(r"了(?!解)|现在|目前|在现场|此刻|刚刚|刚才|突然|今天|今晚|今早|怎么办|咋办|咋整|怎么搞|如何是好|怎么办怎么办|不得了|我们|咱们|我的船|船上|本船|"
                  r"这边|附近|位置|坐标|\d+号|锚地|桥下|江心|江中|还有\d+|\d+(?:个)?人|几个人|全船|啊|呀|!|！")

# A topic word that names where or when the event happens, not what is asked: a race, a training session, a salvage
# job, a building site ("钓鱼比赛有个老人倒下了", "打捞的时候潜水员上浮太快", "赛艇队训练 一条艇被浪打翻").
SETTING = re.compile(r"监控(?=画面|平台|系统|app|显示|截|里|视频|一片)|检测(?=到|报警)|探头(?=报警|显示)|视频(?=接通|通话|电话)|(?:检修|维修|干活)(?=被|的时候|时)|(?:比赛|训练|集训|打捞|施工|作业)(?=的时候|时|中(?!心)|期间|现场|途中|结束|还有人|有(?:个|一个|一名|一位|人|几个))|"
                     r"(?<=[队班组])(?:在)?训练|(?<=[江河湖水]里)训练|(?<=[江河湖]上)训练")

# Signs that the message asks about a hazard rather than reports one.
HYPOTHETICAL = re.compile(
    r"如果|假如|万一|要是|假设|比如|比方说|譬如|举个例子|一旦|倘若|若是|什么情况下|哪些情况|(?<!说)的话(?!.{0,3}(?:快|赶紧|马上))|若(?:有|船|人|发生)|长大(?:了|以后|后)?(?:要|想|我要)当|谁(?:要是)?(?:落水|掉水里?|掉下去|遇险|出事)(?:了)?(?:我|我们)?就|(?:遇到|遇上)(?!过)(?=.{0,16}(?:怎么|如何|应该|该|咋|吗|要不要|会不会|能不能|时|的话|呢))|碰到.{0,8}(?:怎么|如何|应该|该)|"
    r"发生.{0,10}(?:时|后|的话|怎么|如何|应该|该)|的时候.{0,4}(?:应该|怎么|如何|该)|(?<![的同及临随小按准当])时.{0,4}(?:哪边|向哪|往哪)|(?<!启动)(?<!启动了)应急(?:预案|处置|措施|程序|计划|处理)|(?<!启动)(?<!启动了)(?<!应急)预案|"
    r"应该怎么(?:做|处理|处置|施救|救|急救|抢救)|应该先|应该用什么|用什么灭火器|能用水泼|可能会|可能要|怕会|真要|等你们来|"
    r"早(?:就)?(?:淹死|烧光|烧没|沉|死)了|(?:救上来|上岸|出水)后(?=.{0,6}(?:要|该|应该|怎么|如何|需要|能不能|可以|多久))|该怎么(?:做|处理|处置|施救|急救|抢救)|(?:多少|多深|多大|多高|多低|多久).{0,3}(?:就)?会|怎么(?:预防|防止|避免|防范|防)|(?:才)?不容易|预防|防止|防范|避免|会不会|能不能(?!.{0,2}(?:派|来|救|帮|快|告诉))(?!.{0,4}(?:继续(?:搜|找|救|捞)|搜人|找人))|可不可以(?!.{0,2}(?:派|来|救|帮|快))|"
    r"以防|防备|非(?:得|要)等.{0,6}才|防(?:海盗|盗|抢)|担心.{0,8}会(?!.{0,2}了)|(?:担心|怕|害怕|生怕|就怕)(?:他|她|他们|孩子|有人|船|人)?(?:哪天|有一天|迟早|早晚|以后|将来)|注意(?:点)?(?:什么|啥|事项|哪些)|该注意|要注意的|担心(?:他|她|孩子|儿子|女儿|老公|家人)?(?:会)?(?:掉|落|摔|出事|淹)|防溺水|防落水|防火(?!门|墙)|防撞(?!墩|桩|梁|设施|护栏|胎|垫|球|块)|防污|感觉.{0,6}会|迟早|早晚(?:会|要)|怕有人|担心有人|怕[^，。 ]{0,8}(?:爆炸|起火|着火|自燃)|能(?:不能)?用(?:水|干粉|沙子?|灭火器)灭(?:吗|么)?|(?:怕|担心|生怕|就怕)(?:人|孩子|小孩|他|她|他们|老人)(?:会)?被|怕(?:会)?(?:出事|掉|摔|落水|溺水|淹)|(?:落水|溺水|着火|失火|进水|碰撞|搁浅)后(?:如何|怎么|应该|要|该)|怕.{0,4}(?:掉|摔|落|淹|翻)下?去(?!了)|下(?:个)?月|下(?:个)?(?:周|星期|礼拜)|明年|下次|下回|容易(?:掉|落|翻|出事|撞|着火|中暑|搁浅|触礁|走锚)|"
    r"(?:掉|落|摔|跌|翻|跳|栽|卷|冲)(?:下去|进去|走)(?:肯定|准|必|绝对|一定|就|铁定)(?:会|得|要|是)?(?:没命|没救|完|死|淹死|上不来|冻死|出不来|找不到)"
)
PAST = re.compile(
    r"\d{4}年|\d+月\d+(?:日|号)|补报|去年|前年|几个月前|几天前|几周前|上个月|上月|上周|上个?礼拜|上个?星期|上次|上回(?!电|复|应)|那次|那一次|那起|那场|(?:之前|以前)(?!(?:从来|从|都|也)?没(?:有)?(?:见|看|遇|碰|听)(?:到|见)?过)|曾经|当年|(?:\d+|[一二两三四五六七八九十几]+)年前|\d+个?月前|几年前|"
    r"前几天|前些天|前段时间|前阵子|事后|过后|后来|过去(?:了)?(?:半|\d+)?(?:年|个月|天)|已经(?:结束|处理完|解决|结案|赔了)|"
    r"早就|当时|历史上|昨天|昨晚|昨日|前日|前天|早些时候|那(?:个|把)火|前(?:两|三|\d+)天|今年(?:夏天|春天|秋天|冬天|以来)|前(?:几|两|三|\d+)年"
)
# The past set against now: "以前也遇到过 但这次不一样" tells the past to say that now is worse.
CONTRAST = re.compile(r"(?:但|可|可是|不过)?这(?:次|回)(?:又|不一样|不同|更|比)|(?:昨天|昨晚|早上|上午|之前|原来)(?:都)?还(?:是|好好|没)")
# What happens again and again: a complaint about a hazard, not a report of one ("每年都淹死人 为什么没人管").
HABITUAL = re.compile(r"一直没人管|是常事|每次|(?:好几|几|两|三|四|五|\d+)次了|这种事|多不多|每年(?:都)?|年年|天天|(?:的事|事故)(?:太多|很多|不少)|老(?=翻|沉|出事|撞|跳闸)|每天都|每天.{0,8}都(?:这样|是这样|有)|经常(?:有|发生|出|联系不上|打不通|没信号)|总(?:是)?有|老是有人|家常便饭|常有的事|隔三差五|时不时|毛病|习惯|"
                      r"(?:好|\d+|[一两三四五六七八九十几半]+)(?:个)?(?:多)?(?:月|年)了|好几天没人(?:管|动|理|来)")
# Smoke that has an everyday source: a (factory's) chimney smoking, a barbecue, burning rubbish or straw on the bank.
ORDINARY_SMOKE = re.compile(r"积碳|劣质|污染|排烟(?:也)?(?:正常|恢复)|(?:老是|总是|经常|常常|老|有时(?:候)?)冒(?:黑|白|蓝|青)?烟|火炬|正常燃烧|正常排烟|排放|烟囱(?:一直|在|老是|总是)?冒(?:黑|白)?烟|烧烤|炊烟|烧(?:垃圾|秸秆|稻草|荒)|熏(?:鱼|肉|腊肉|腊鱼|香肠)|熏制|(?:柴油机|发动机|排气管|排气)(?:一直|老是)?冒(?:黑|白|蓝)?烟")
# A fire that has spread beyond its everyday source to a tent, a car, a tree or someone: no
# ordinary smoke ("烧烤的炭把帐篷点了 里面还有人在睡").
FIRE_SPREAD = re.compile(r"把.{1,6}(?:点了|点着|引燃|烧着)|烧到(?:了)?.{0,4}(?:帐篷|车|房|树|草|人|衣服|头发|船)|引燃|蔓延|里面(?:还)?有人")
# Swimming with no craft named: 冲上岸 / 搁浅 said of a swimmer, not of a ship.
SWIMMING_ONLY = re.compile(r"^(?!.*(?:船|艇|驳|筏|排|舟|划子|桨板|板子|舢板)).*(?:游泳|冬泳|野泳|泳池|游过去|游回)")
# What follows an event: a claim, a reward, a finding. Asked in the same breath as a fresh event it still tells
# that the event is over, unlike the insurer's phone number or whether to report.
AFTERMATH = re.compile(r"(?:你们)?还在查(?:吗|么|不)|查得怎么样|(?:有没有|有)(?:进展|结果)(?:了)?(?:吗|么)|调查结果|后来.{0,6}(?:截肢|去世|走了|没救过来|瘫痪|残疾|出院)|奖励|开除|辞退|解雇|补助|补贴|下葬|葬礼|出殡|头七|后来(?:咋样|怎么样|怎样|如何)|索赔|理赔|赔偿|赔了|赔钱|见义勇为|表彰|事故认定|责任认定|工伤|(?:怎么|如何)认定|重新(?:申请|办|做)|调解|锦旗|感谢信|表扬信|谁承担|补偿|死亡证明|宣告死亡")
# Water over land: a road, a field, a car park; the river's own level rising at a berth. A flooded bank is news, not a
# ship in trouble, unless more is said.
LAND_FLOODED = re.compile(r"淹(?:到|了|没)(?:了)?.{0,4}(?:台阶|江滩|马路|路面|广场|步道|田|菜地|公园)|(?:路|马路|公路|田|菜地|房子|车库|地下室|广场|公园|步道|江滩|堤|台阶)(?:上)?(?:都)?(?:被)?(?:水)?淹|"
                          r"(?:江|河|湖|外江)(?:的)?水位|水位.{0,16}(?:码头|趸船|缆|航道|通航|锚地)|(?:离|距离?|低于)警戒(?:线|水位)")
# Water no deeper than an ankle or a calf ashore: a wet street, not a flood ("积水没过脚踝"); not in a hold.
SHALLOW = re.compile(r"^(?!.*[船舱]).*(?:没过|到|淹到|漫到)(?:了)?(?:脚踝|脚面|脚背|小腿|鞋面|鞋子?)")
# A craft with nobody on board that threatens nothing named: lost or adrift, a matter to report, not a rescue
# ("小艇被浪冲走了 没人在上面"). Heading for a bridge, a lock, a berth, the fairway or a ship, or circling (its rider
# thrown off), it is an emergency still.
UNMANNED = re.compile(r"(?:没|无)(?:有)?人(?:看管|看)?的|(?:船|艇|驳|筏|上面)上?(?:也)?没(?:有)?人(?!掌舵|开|驾驶|管|操|看)|没(?:有)?人在(?:上面|船上)|空(?:船|驳|驳船|艇)")
# Moored at a berth: an engine or a generator that fails there is a repair, not a ship out of control.
AT_BERTH = re.compile(r"(?:靠|停|系)(?:在|到)(?:了)?(?:码头|泊位|岸边)|靠边(?:抛锚|下锚|停(?:下|好|着)?)(?:了)?|在码头(?:上|边)?(?:停着|靠着)|靠(?:着|好)(?:了)?码头")
# ... unless it is no longer held there ("停在码头的船缆绳被风刮断了，船漂出去了").
BROKEN_LOOSE = re.compile(r"漂|飘|断|冲|走锚|失控|撞|脱")
# Places said to be absent ("附近没船也没码头") are no threat.
NO_PLACE = re.compile(r"(?:附近|周围|旁边)?(?:也)?没(?:有)?(?:船|码头|桥|闸)")
UNMANNED_THREAT = re.compile(r"桥|闸|码头|趸船|航道|撞|冲(?!走)|打转|转圈|我们(?:的)?(?:船|锚|缆)|夹|锚地|岸")
# A meme asked for or sent, its caption the hazard ("求那个救命啊我要淹死了的表情包"), unless something really happened.
MEME = re.compile(r"(?:什么|啥)梗|这个梗|(?<!不是)(?<!不是在)玩梗|的表情包|表情包(?:里|上)|(?:我|你)和(?:你|他|我)妈(?:同时|一起)?(?:掉|落)(?:进)?(?:水|河|江)里")
# An advertisement or a shop's offer after a bare call word ("快来人啊 江边新开的奶茶店买一送一").
PROMO = re.compile(r"买一送一|打折|优惠|促销|新开(?:的|了)|开业|团购|特价|秒杀|抽奖")
# The heat moaned about after a bare call word ("救命啊今天也太热了"): no event, only the weather. Not the cold: "水好冷"
# is said in the water.
WEATHER_MOAN = re.compile(r"(?:太|好|真|超)(?:热|晒)|热死|晒死|热得(?:要命|不行|受不了)|煎鸡蛋|蒸笼|桑拿天")
# What a bare call word may be said of, with no event in the message: (evidence, pattern).
# Life aboard moaned about: the net too slow for a video, the canteen, a wait of days ("救命 船上网太差 刷个视频都卡").
DAILY_MOAN = re.compile(r"网(?:速|络|络信号)?(?:太|好|真|超|有点)?(?:差|卡|慢|烂)|刷(?:个|不了|不动)?(?:视频|抖音|快手|剧|短视频)|"
                        r"(?:味道|味)(?:太|好|真)(?:大|冲|臭)|臭死|都臭了|打呼噜|打鼾|呼噜声|食堂|伙食|饭菜|外卖|没(?:有)?肉|离谱|无聊(?:死)?|(?:等|排|待|耗)(?:了)?(?:三|两|几|\d+|好几)天")
# A game or a dare with a bare call word in it ("玩真心话大冒险 要我在渡船上大喊救命").
GAME_CALL = re.compile(r"真心话|大冒险|剧本杀|蛋仔|(?:有|这|那)一关|游戏里")
# 救命 as the internet's cry of delight at someone handsome or something cute ("救命啊 我们教练好帅").
CRUSH = re.compile(r"(?:好|太|超|真)(?:帅|美|可爱|甜|萌|好看)|帅(?:死|哭|炸)|心动|花痴|想嫁|磕到了|磕死我|上头了")
CALL_ASIDES = (("promotion", PROMO), ("weather", WEATHER_MOAN), ("daily life", DAILY_MOAN), ("game", GAME_CALL),
               ("delight", CRUSH))
# Seasickness: sick and dizzy on a first voyage is no poisoning or illness to rescue; SEASICK_SIGNS are what it
# explains (not fainting, not a blue face).
SEASICK = re.compile(r"晕船|晕车|晕浪")
SEASICK_SIGNS = re.compile(r"吐|恶心|头晕|头昏|难受")
# Water turned yellow or muddy after rain or a flood: silt, not a spill.
NATURAL_MUD = re.compile(r"(?:发|涨)(?:大)?水|泥沙|下(?:了)?(?:大|暴)?雨|雨后|汛期|洪水|上游来水")
# Plumbing: a toilet or a tap that leaks is no ship taking on water.
PLUMBING = re.compile(r"舱顶|顶棚|雨棚|天窗|厕所|卫生间|洗手间|马桶|水龙头|水管|空调|冰箱|热水器|洗衣机|屋顶|房顶|天花板|楼上")
# A little oil: a sheen to report, not a spill to fight ("薄薄的油花 不多").
SMALL = re.compile(r"不多|几滴|漏了(?:一)?点(?!点)|一点点|一小片|不大|少量|薄薄|淡淡")
# An animal in trouble, with no person in the message ("一只白鹭被渔网缠住了在江边扑腾").
ANIMAL = re.compile(r"(?:一|有|那|这)只(?:小)?(?:鸟|白鹭|鹭|天鹅|野鸭|鸭子?|鹅|海鸥|狗|猫|猴子?)|蟑螂|老鼠|蚊子|苍蝇|臭虫|跳蚤|虫子|"
                    r"狗狗|小狗|猫咪|小猫|(?:一|有|那|这|几)(?:只|头|条|匹|群)(?:小)?(?:牛|羊|猪|马|鸭子?|鹅|鸡|鹦鹉|江豚|狗|猫)|"
                    r"江豚|鹦鹉(?!洲)|宠物|(?:一|几|那|这)条.{0,4}鱼(?!船)|^(?:猫|狗)(?=从|掉|在|被|跳|落)")
# Someone in the message: not the people sent for or said to be safe ("派人来", "人都在岸上", "船上没人").
PERSON = re.compile(r"船员|(?<!主)(?<![派来找叫请])(?<!没)(?<!没有)人(?!家|管|都(?:在岸|安全|没事|好)|在岸上)|老公|老婆|孩子|小孩|男孩|女孩|娃|"
                    r"他|她|老人|老头|老太|船老大|船长|船工|司机|驾驶员|工人|乘客|游客|水手|我们|(?:我|俺)(?:家)?(?:爸|妈|爷|奶|叔|婶|舅|姨|婆婆|公公|外公|外婆|老伴|哥|姐|弟|妹)|主人(?=.{0,6}(?:跳|下水|下去|掉|落|也|上不来|不见))")
# Road traffic on a bridge or the bank; ships queueing for a full berth ("码头满了 排两天队了").
TRAFFIC = re.compile(r"堵车|塞车|(?:这么|好|太|真|又)堵|堵(?:死|成|得)|车流|排长队|排.{0,4}队|(?:码头|泊位|锚地)(?:都)?满了")
# A promise the office broke, a line nobody answered: a grievance about the service (complaint.py), not a call.
GRIEVANCE = re.compile(r"没(?:有)?(?:给)?(?:个)?说法|希望你们(?:以后|今后)|(?:说好|答应)(?:了)?.{0,8}(?:派人|来人|回复|答复|结果|处理|办|来看|来查|联系).{0,10}(?:结果|还没|怎么还|一直没)|"
                       r"(?:说好|答应)(?!(?:的|了)?(?:马上|很快|立刻|搜救|救援|打捞|来救|派船))(?:的|了)?.{0,8}呢|打(?:你们|了你们).{0,8}(?:电话|热线).{0,10}没人接")
# Learning about an event, however live its words ("走锚了怎么办 想学习一下").
LEARNING = re.compile(r"(?:老师|书上|课上)(?:说|讲|教)(?:过)?.{0,30}为什么|标语|口号|宣传语|征集|讲了(?:一个|个|一起)?.{0,16}(?:事故|故事|案例)|有没有(?:老手|懂的|大神|前辈|过来人|懂行的)|新手(?:船员)?求教|求教$|(?:求教|请教)(?:一下)?(?:各位|大家|老手|前辈)|老手(?:说说|讲讲|指点)|提前(?:了解|知道)|理论问题|考试书|(?<!请)教一下|请教一下$|教我(?!.{0,3}快)|培训用|组词|造句|偏旁|笔画|安全课|安全教育|考考(?:我|你)|(?:课上|上课)(?:讲|教|学)|知识竞赛|竞赛(?:的)?题|这道题|考试(?:要|会)考|(?:有人|别人|朋友)问我|试题|(?:考试|选择|判断|简答|问答|填空|论述)题|新手(?:问|提问|请教|求问)|我在学(?!校|院)|正在学(?!校|院)|在学习|想(?:先)?了解|(?:只是|我)好奇|好奇(?:问问|问一下|一问|想问|一下|$)|随便问问|想学|学学|提前学|学习一下|学一下|学习学习|科普|涨知识|长知识|想教|教教|想(?:给|教|做).{0,6}培训|做(?:个)?培训")
# Frames that tell the whole message is not a report, whatever else it says: (evidence, pattern, weight, weight beside
# a clause that tells the event as happening now). "打你们电话没人接 我们船在下沉": the line nobody answered is why they
# write, not instead of the event.
# A crew member's wish to sign off, a dispute over work: a labour matter, not a rescue ("公司不放人 想下船").
LABOUR = re.compile(r"想下船|工资.{0,6}(?:要回来|讨回|要得回)|(?:就|已经|刚)?退(?:休|下来)了(?!的)|劳动合同|劳务纠纷|辞职|不让(?:我)?辞|不辞而别|结算工资|工资(?:怎么|咋|如何)?(?:结算|结)")
# What someone said, asked to be checked ("老轨说机舱着火要先关速闭阀 对吗"); beside an event told now it is asked during
# it ("船长说要弃船 对吗 水到膝盖了").
CLAIM_CHECKED = re.compile(r"(?:说|讲)(?:的)?.{2,30}(?:对吗|对不对|是真的吗|靠谱吗|有道理吗|是这样吗|是不是骗(?:我|人)|骗我的吧)[?？]*$")
# Money troubles beside a hazard word: the word is a figure for them ("公司快沉了 工资三个月没发"), as much as office
# business before a bare call word, unless someone threatens his own life or others' over them (讨薪: "欠薪讨不到 他把
# 自己浇了一身汽油", "工资半年没发 他爬到吊机顶上说要跳下来").
HARDSHIP = re.compile(r"^(?!.*(?:(?:说|扬言|威胁|闹着|喊着)要(?:跳|自杀|寻死|点火|烧|炸|杀|同归于尽)|浇.{0,4}(?:汽油|柴油)|"
                      r"(?:汽油|柴油).{0,4}浇|泼(?:了)?(?:汽油|柴油)|打火机|同归于尽|轻生|寻短见)).*?"
                      r"(?:老板(?:都)?跑(?:路|了)|欠薪|工资.{0,3}没发|压力大得|房贷|车贷)")
# A fraud that uses an emergency as its bait ("有人冒充海事局说她孙子在船上出事了要转钱").
SCAM = re.compile(r"冒充|诈骗|骗子|是不是骗|骗钱|转钱|转账|汇款|刷单")
WHOLE_FRAMES = (("aftermath", AFTERMATH, 4, 4), ("grievance", GRIEVANCE, 6, 2),
                ("learning", LEARNING, 6, 6), ("labour", LABOUR, 4, 4), ("claim", CLAIM_CHECKED, 6, 0),
                ("hardship", HARDSHIP, 8, 8), ("scam", SCAM, 6, 4))
# Bangs of a festivity, heard as such: no collision ("隔壁船放烟花 砰一声").
BANGS = re.compile(r"烟花|鞭炮|礼炮|放炮")
# A question about such events in general: a lesson, an exam, a parent's worry ("船进水一般用什么堵").
GENERIC = re.compile(r"^(?!.*(?:我们|我的|我家|咱|本船|刚|突然|快|救命)).*?(?<![在了我])(?:有人)?(?:落水|溺水|掉水里?|掉江里?|掉河里?|着火|起火|失火|进水|撞船|搁浅|走锚|翻船|抽筋|触电|管涌)(?:该|要|应该)?(?:怎么办|咋办|怎么处理|如何处理|怎么救|如何应对)|一般|通常|(?<!来)往往|有什么讲究|有哪些|哪些表现|什么表现|(?:哪个|什么)顺序|第一步|怎样才能|题目|考题|原理|"
                     r"考你|哪个更|为什么(?:说|要|不能|不要|会|.{0,10}会)|(?:怎么|如何|怎样)(?:自救|逃生)|(?:自救|逃生)(?:方法|知识|技巧)|(?:不)?提倡|不建议|技巧|窍门|(?:厉害|严重|发生|出现)时|作为(?:家长|父母|新人|新船员|乘客)|到底是|"
                     r"有什么.{0,4}办法|是啥(?:意思)?$|sos.{0,6}怎么(?:打|发)|怎么(?:打|发)sos|一个意思|什么意思|啥意思|是不是就是|(?:多少|多大|几).{0,4}(?:就|才)?算|有多(?:毒|危险|严重)|是不是更|(?:有)?(?:什么|啥)区别|的区别|(?:规范|标准|正确)(?:的)?做法|应该.{0,4}多久|(?<!小)时(?:候)?(?:是先|应该|该先|要先)|跟.{0,4}解释|老问")
# What was taken for an event turned out to be something else, told after it ("以为孩子掉江里了 … 原来在船舱里睡觉").
MISTAKEN = re.compile(r"其实(?:就是|只是)|(?:他|她|我)?在(?:澡堂|浴室|浴缸|泳池|游泳池)(?:里)?(?:泡澡|洗澡|游泳)|我说的是(?:我的?)?(?:手机|钱包|包|车|东西|衣服|鞋)|(?:拿着|闹着|拿来)玩(?:的|呢)(?!时)|恶作剧|没电(?:了)?而已|只是(?:手机)?没电|(?:点名|清点|数人)(?:点|数)?错了|数错了|人家(?:只)?是在|看(?:到|见)?(?:人|他|她)(?:只是|是)?在睡(?:觉)?|查了(?:一)?下(?:是)?|(?:问了|问过).{0,6}说是|(?:一)?看是.{0,6}在玩|查(?:了|出来)是|结果(?:他|她|人)(?:在|是)|搞错了|(?<!是不是)(?<!是不是我)看错(?:了)?(?![吗吧么])|弄错了|传感器(?:坏|故障|误报)|其实(?:他|她|人|我)|原来(?:人家|他|她|他们|那人)?(?:是|只是|在|躲|藏|去)|(?:走近|出去|仔细|近|靠近)?一?看(?:原来)?是(?!写给|留给|遗书|.{0,2}(?:个人|一个人|人|尸体|小孩|孩子)|.{0,4}(?:那里|那边|这边|附近))|其实是|"
                      r"后来(?:发现|才知道)是|虚惊|(?<!不)是演的|误会|结果(?:是|只是)(?!.{0,2}(?:个人|人))|我(?:本来)?写的是|翻译(?:软件|器)?(?:翻错|翻成|翻译成|错了)")
# The event is over, told after it: put out, secured, treated, settled ("缆绳断了一根 … 船已经固定好了").
ENDED = re.compile(r"(?:已经)?在家(?:里)?(?:躺着|睡着|睡觉|休息)(?:了)?|(?:冲|敷|抹|涂|擦)(?:了|过)(?:冷水|凉水|牙膏|药膏|烫伤膏|药|碘伏|红药水)|倒(?:车)?出来了|已(?:经)?紧固|贴(?:了|好了)创可贴|(?:船)?(?:已经)?靠(?:好|稳)了|已(?:经)?(?:处理|修)好|(?:船)?在泊位|交给(?:了)?(?:他|她)?(?:妈妈|爸爸|家长|家人)|拆线了|出院了|顶正了|都平安|安全(?:拖|开|靠)到|(?:人)?也上来了|(?<!歪)(?<!斜)(?<!沉)(?<!进)好多了|(?:也|已经)?不漏了|(?:已经)?不冒(?:烟)?了|顺利(?:进闸|过闸|通过|靠泊|靠上)|恢复得(?:不错|很好)|(?:才|后来)?说(?:是)?(?:在)?(?:睡觉|睡着)了|检查过了|查过了|抽干了|人出来了(?!吗)|(?:里面)?(?<!还)(?:是|都)干的|打通了|灭掉了|固定好了|包扎好|(?<!板)(?<!板子)(?<!圈)(?<!木头)分开了|没骨折|(?:现在|已经)好了|冷静了|(?:拖|拉)下来了|清掉了|协商好|私了|人没事|(?:水|积水)(?:已经|都|也)(?:退了|退下去了)|没(?:有)?(?:碰|撞|擦)?坏|(?:擦|蹭|刮)?掉(?:了)?(?:一)?点(?:点)?漆|"
                   r"(?<![要不是吗])不用(?:去|送|上)(?:医院|诊所)(?![吗吧么])|"
                   r"(?<![没不])解决了(?![吗么没])|(?:说话|意识|神志)(?:都|也)?(?:正常|清醒|清楚)(?![吗么])|缝了(?:\d+|几)针|"
                   r"没(?:有)?(?:味道?|气味)了|关(?:了|掉|好)(?:总)?阀(?:门)?.{0,4}通风(?:了)?|叫醒了(?!又)|后来(?:就|也)?好了|拔(?:掉|了)(?:插头)?(?:就|以后)?(?:没了|好了|没事了)|(?:他|她|船)?自己(?:开|划)走了|"
                   r"稳住了|抛住了|已(?:经)?(?:割|剪|清)掉了|(?:船)?可以(?:走|开)了|(?:换|修|弄|处理|调|紧|拧|关)了.{0,6}(?:就|现在|已经)?(?<![不没])好了(?!.{0,2}又)|(?:已经|已)?调(?:过来|平|正|好)了|就(?:正|平|稳)了|正过来了|扶正了|换了(?:一)?(?:根|个|条|只)?新的|(?:开窗|通风|透气|透透气|休息一下|歇一会)(?:就|也)?好(?:了|多了)|闻不到了|散得差不多了|(?:油|油花|油污|烟|雾|味)(?:已经)?(?:散开|散掉|散完|散)了|用(?:上)?岸电|锚(?:很|挺|也)?(?:稳|牢)(?!不住|不了)|锚(?:已经)?(?:抓|咬)(?:住|牢)了|(?:现在)?没事(?:了)?|不用(?:管|来|派)|正常(?:走|航行)|现在正常|(?:开|跑)起来(?:还|也)?正常")
NOW = re.compile(r"现在|目前|正在|还在|此刻|这会儿|马上")
# What is feared will come of a state that goes on ("泡了两天了 怕会塌").
FEARED = re.compile(r"(?:怕|担心|就怕)(?:会|要|它|房子|墙|屋)?(?:塌|倒|垮|沉|漏|断|溃|决)")
# An end told by someone else and doubted by the writer ("船员说没事 我觉得不对").
DOUBTED = re.compile(r"我(?:觉得|感觉|看)(?:不对|不像|不行)|我不放心|不对劲|我不信")
# Second thoughts: what was waved off before them no longer holds ("不用找海事吧…算了还是报").
SECOND_THOUGHT = re.compile(r"算了(?:还是)?(?:报|说|找)|还是(?:报|说)(?:一下|吧)")
# Someone who will not be helped says all is well: no end ("奶奶不肯开门说没事").
REFUSING = re.compile(r"(?:不肯|不愿|不愿意|不听|拒绝|非要|硬要|嘴硬).{0,6}说$|(?:非|硬|还嘴硬)说$")
# A time word that starts what goes on still (昨晚开始, 昨天起, 前天到现在): not the past (but 昨天救起 is).
SINCE = re.compile(r".{0,3}(?:开始|到现在|一直|就)|.{0,2}(?<![救拉捞扶抬吊])起(?!来)")
# The event as it goes on: now, still, already, ever more, "在" / "着" with the verb (在漏水, 被水冲着走), a drift
# with a direction (往大坝那边漂).
PRESENT = re.compile(r"(?:一早|今早|今天|早上)(?:起来)?(?:也|都|还)没(?:有)?(?:见|看|回|来|联系|消息|信)|(?:一整天|一天一夜|一晚上|整整|\d+个?(?:多)?小时|[两三四五六七八九十几]个(?:多)?小时)(?:了)?(?:都|还是|还)?没|"
                     r"现在|目前|正在|还在|此刻|这会儿|已经|一直|越来越|(?<![现正还])在(?=.{0,2}(?:进|漏|沉|冒|烧|漂|歪|斜|往|淌|流|晃|下|出))|"
                     r"(?:冲|漂|卷|拖|挂|烧|冒)着|往.{0,6}(?:漂|冲|沉|歪|倒|流|淌|滑)|没(?:有)?(?:浮起来|浮上来|上来)|上不来|出不来")
# What to do, asked of an event that has happened: 能不能用水灭, 会不会更糟, 应该先…
HOW_NOW = re.compile(r"能不能|会不会|可不可以|(?:该|应该)(?:怎么|先)")
PLANNING = re.compile(r"(?<!说)的话|如果|假如|万一|要是|假设|一旦|倘若|若是|遇到|遇上|碰到|预案|预防|防止|防范|以防|下次|下回|明年|下(?:个)?月")
RELAYED = re.compile(r"群里说|群里转|转群里|群聊|转发|刚接到电话|朋友说")
# Days counted up to now ("连续两天联系不上了"): "那天" is then the day it began, not a memory.
DAYS_SINCE = re.compile(r"连续(?:\d+|[两三四五六七八九十几])天|(?:\d+|[两三四五六七八九十几])天(?:了|都|还)|到现在")
# The remote past and memories: a story, whatever tense it is told in ("那天晚上船在往下沉 … 最后把我们救了").
REMOTE = re.compile(r"19\d\d年|那是.{0,8}(?:的事|时候的事)(?!吗)|(?<![相每])当年(?!度|内|就|的证)|(?<!\d)[5-9]\d年(?!一遇)|(?:老人|老一辈|老辈|爷爷|奶奶|外公|外婆|老船长|老师傅|老轨)(?:们)?(?:讲|说)(?:过)?.{0,6}(?:以前|当年|那时|过去|从前|早年)|那个年代|那时候|那会儿|小时候|年轻时|年轻的时候|噩梦|致敬|缅怀|悼念|追悼|下葬|葬礼|出殡|头七|[五六七八九]十年代|(?:[五六七八九]十|[五六七八九])几年|口述历史|这种故事|牺牲的|有一年|那一年|那年|那天|我记得|记得那|听说过|"
                    r"(?<![没有未])(?<!没人)(?<!没有人)(?:看到过|见过|遇到过|遇过|经历过|碰到过)|"
                    r"想起来|后怕|回想|心有余悸|留下(?:了)?阴影|有(?:心理)?阴影|(?:现在|到现在|至今)(?:都|也)?还(?:是)?(?:怕|害怕)水|\d{2,4}年(?:大水|洪水|的时候|那)")
# Filmed by the writer or the people there (拍短视频, 拍到的视频, 在拍直播): being on the scene, not the news.
VIDEO = re.compile(r"视频|直播|抖音|快手|宣传片|vlog")
FILMED_BEFORE = re.compile(r"(?:拍|录|在拍|直播)(?:了|着|到|的|个|一个)?.{0,3}$")
# A staged scene (剧本, 拍戏): the fiction a "really" (真被冲走了) breaks through.
STAGED = re.compile(r"剧本|电视剧|电影|演|拍戏|小说")
# Hearsay and the news: whoever writes this is not on the scene.
NEWS = re.compile(r"(?:是|被)[pP]的|[pP](?:过的)?图|ps的|核实一下|新闻|报道|报纸|听说|据说|听(?!到他|到她|见他|见她|不懂|不明白|我|不见|不到|障|力)(?<!你听)(?<!您听).{0,6}说|微博|(?<!发了一条)(?<!发了条)(?<!发了)(?<!发)(?<!自己发的)朋友圈|(?<!拍)抖音|都在传|网上(?:说|看到)|看到(?:新闻|报道|视频)|电视|听广播|广播(?:里|上)(?:说|讲)|电视剧|电影里|看(?:了)?(?:个|一个|部|一部|场)?电影|演得(?:好|太|真|很)?假|视频里|视频上|图片里|ai做的|太假了|是假的|网上传|谣言|传言|辟谣|"
                  r"(?<!担心)(?<!怕)是不是出了|(?<!发)(?<![很太])小说|(?<!不是)剧本|写作业|做作业|学校作业|作业题|作文|论文|写一篇|写篇|这篇|(?<!推荐)(?<!推送)(?<!发)文章|帖子|纪录片|"
                  r"是不是真的|是真的吗|真的假的|听(?!到|见).{0,24}(?:有人|谁|大家|各位|有没有人)知道(?:吗|不|么|没|啥情况|什么情况|怎么回事)?[?？]*$|什么时候的事|刷到|短视频|【转】|请各(?:船|位船)|各船(?:注意|加强|做好)")
ABOUT = re.compile(
    r"规定|法规|条例|法律|法条|这个功能|(?:求助|sos|报警|检测)功能|什么功能|功能有什么用|课题|采访|调研|净空|限高|通航高度|(?:管理|实施|处罚|暂行|试行|考试|收费)办法|标准|要求|责任|全责|主责|负责|义务|不可抗力|谁的错|过错|赔偿|赔钱|赔多少|怎么赔|理赔|拒赔|"
    r"(?:能|可以|能不能)当|应聘|招(?:人|工)|口诀|顺口溜|早期识别|(?:怎么|如何)识别|(?:冲|洗|泡|敷)多(?:长时间|久)|(?:中文|英文|英语|汉语)(?:叫|是|怎么说|咋说)|(?:频道|vhf).{0,10}(?:是不是|能不能|可不可以|怎么用)|保险|险种|意外险|(?<!不)能赔|碰撞险|火灾险|船壳险|一切险|费用|收费|多少钱|价格|经费|谁出钱|谁出|罚|处罚|处分|扣分|吊销|追究|判|起诉|诉讼|仲裁|"
    r"事故报告|报告书|报告表|表格|下载|模板|报告(?:怎么|要|需|格式|时限|期限|内容|写|由谁)|怎么报告|要报告吗|需要报告|调查|认定|"
    r"结论|鉴定|培训|演习|演练|训练|考试|考证|证书|课程|学游泳|学会游泳|学不会|(?:怎么|如何|怎样)(?:检查|查出来|判断)|学习|教程|注销|登记|补办|补发|换证|材料|流程|手续|申请|"
    r"限值|阈值|接触限|允许浓度|一道菜|菜名|好吃|维权|劳动合同|要穿救生衣|穿救生衣吗|要(?:冲|洗|按压|做|泡|敷|观察).{0,3}多(?:长时间|久)|办理|审批|许可|配备|配置|配几|配多少|配哪些|配什么|器材|检验|年检|检测(?!只有|结果|到|.{0,6}\d)|设备|部署表|应变部署|应急部署|这种(?:土)?(?:办法|方法|做法)|(?<!是)(?<!是搜救)(?<!是救援)志愿者|报名|干啥用|干什么用|干嘛用|是干嘛的|(?<!用)(?<!拿)灭火器(?!.{0,4}(?:喷|用完|用光|拿|不够|没用))|救生衣(?:要|配|多少|标准)|药箱|药品|急救箱|常用药|"
    r"电话(?:是)?多少|号码(?!头)|打什么电话|打哪个电话|打几|拨打什么|什么号码|热线|统计|案例|原因分析|知识|常识|(?<!清楚)(?<!知道)是什么|什么叫|(?<![天晚上前才午])还是(?!报|在|不|没|往|一直|继续|抖|发抖|打不|起不|联系不|找不|撞|进|沉|翻|漏|着|掉|落|烧|先|昏|喘|晕|倒|疼|痛|关机)|打哪个|打哪|拨哪个|"
    r"什么是|定义|区别|含义|属于|(?<!确定)(?<!知道)算不算|算什么|违法行为|算.{0,6}吗|怎么算|怎么认定|如何认定|怎么定|谁管(?!就)|归.{0,4}管|会不会坐牢|要不要坐牢|判几年|犯法吗|算不算正当防卫|正当防卫|管还是|哪个部门|"
    r"在哪(?:里)?(?:办|查|看|下载)|查询|公告|(?<!调度)(?<!公司)(?<!紧急)通报|影响通航|封航|预警|(?<!鬼)天气|气象|(?:台风|大风|暴雨|气象|洪水|防汛|寒潮|大雾|雷电|雷暴)警报|警报(?:解除|信息|等级|级别)|演示|(?<!跟我)(?<!和我)(?<!拍)(?<!打)(?<!这个)(?<!这段)(?<!开着)(?<!开了)(?<!手语)视频(?!通话|聊天|的时候|时|翻译)|电影|游戏|(?<!发)(?<![很太])小说|比赛|保养|维修|"
    r"修理|更换|检修|改装|年审|资质|要不要(?!.{0,1}报警)(?=.{0,6}(?:报|申请|办|交|罚|登记|备案|审批|检验|证|许可|批|缴|买|配|赔|管))|是否需要|需不需要|隐患|排查|报废|船名(?:怎么|可以|能|要|是否|有什么|规定|登记|变更|重复|一样)|打捞|强制|过期|有效期|临检|算谁|谁负责|赔(?:吗|不赔)|要赔|自动(?!舵)|误报|探测器|报警器(?!.{0,3}(?:一直|在|叫|响))|喷淋|灭火系统|[能可]以?补|补(?:吗|办|发|领)|去.{0,8}补|(?:怎么|咋|如何|哪里)补|"
    r"报(?:告)?哪些|要报(?!警)|该怎么报|怎么报(?!警)|报什么|哪些内容|"
    r"(?:以后|之后)[^!！]{0,10}(?:谁|怎么|如何|是否|吗|哪|能不能|要不要|需要|是不是|应该|该|有没有|可能)|"
    r"常备|应该备|什么药|有权|权力|(?:去|在)?哪(?:里|儿)?修|找人修|有没有人知道|谁知道|配多大|功率|警示牌|警示标志|立(?:个)?牌|有人管吗|没人管吗|尾气|(?<!浓度)超标|原因|深度|频率|自救(?=方法|知识|技巧|$)|在修吗|是在干(?:嘛|什么)|在干嘛|(?<!是)(?<!船上)监控(?!显示|看到|拍到|里(?:看|拍)|最后)|签名|联名|签了.{0,6}名字|上坞|进坞|坞修|哪(?:一)?年|建议(?:你们|管|加|设|派)|管一管|宣传(?:单|册|资料|片|画)|传单|海报|(?<!不会)(?<!不会说)(?<!不懂)英语|(?<!不会)(?<!不会说)(?<!不懂)英文|(?<!用)(?<!手语)(?<!视频)翻译(?!软件|器|app|代发|转述)|(?:系统|屏幕|app)(?:上)?(?:一直)?显示|ais(?:上)?(?:一直)?显示(?=.{0,16}(?:不对|错|不准|异常|其实|但是|可是|实际))|"
    r"(?:海事|你们|海事局|法院|公安|执法).{0,3}(?:怎么|会|如何|要)(?:处理|处罚|管|判|查)|"
    r"(?<!能)(?:不能|不准|不许|禁止|允许)(?:往|在|把|用|带|装|私自|随便|排|倒|乱)|海事(?:局)?管不管|"
    r"向谁|找谁(?!拖|救|帮)|报给谁|哪里报|往哪(?:里|儿)?报|不肯赔|不愿(?:意)?赔|大家注意|跟谁说|告诉谁|通知谁|联系谁|举报|投诉|案子|案件|立案|"
    r"(?:后|以后|之后).{0,3}(?:多久|多长时间|几天|多少天|几个小时|什么时候)|多久(?:可以|能|才能|之内|以内|必须)|"
    r"资料|你们.{0,2}(?:怎么|为什么|为啥)不(?:立|设|管|修|装|整治|处理)|反映一下|可以打.{0,8}吗|(?:允许|合法|违法|违规)吗|环保|预报|期间|新消息|会涨|涨多少|开闸|还开吗|乱响|探头|来得太慢|太慢了|安全提示|温馨提示|提醒大家|请大家|近期|(?:这样)?安全吗|有没有.{0,4}消息|进展|搜救(?:是不是|还)|那个事|那件事|"
    r"船舶险|货运险|船东险|包不包|保不保|交多少|禁航|停航|限航|停运|什么时候恢复|(?:渡船|轮渡|车渡|汽渡|班次)(?:还)?开不开|还开不开|怎么来的|由来|来历|(?:了)?的事(?:情)?[,，?？吧吗呢]|"
    r"会被(?:怎么|如何)?(?:处理|处罚|罚|判)|代表什么|什么意思|比例|要考|考(?:三副|二副|大副|船长|轮机|适任|驾驶|三管轮|二管轮|大管轮|管轮)|笔录|建议(?:多|加|设|装|在|你们|增加|安装|修)|怎么写|海事声明|步骤|学一下|想学|怎样的|信号(?:怎么|是什么|有哪些|代表)|是什么意思|讲讲|讲一讲|讲课|宣讲|周知|盲目(?:下水|施救)|法院|(?:可以|能)(?:进人|进去|下去)吗"
)
# Office business that a bare call word ("求助", "紧急求助") may introduce: the call is a manner of speaking.
SERVICE = re.compile(
    r"证|窗口|盖章|签证|证明|护照|服务簿|网上|系统|提交|app|小程序|回复一下|想问|咨询|问一下|请问|怎么(?:办|开|弄|补|填)|"
    r"船票|门票|买票|订票|票价|(?<!知道)在哪|地址|搬到|营业|上班|办事|怎么查|查一下|查询|预约|入口|修改|绑定|手机号|菜单|点不开|打不开|体检|哪里能|难用|"
    r"大家|公众号|网站|页面|登录|密码|账号"
)
# Office business in so many words: even 救命 before it is a manner of speaking ("救命，这个申报系统太难用了").
OFFICE = re.compile(r"船期|船检|年检|证|窗口|退回|驳回|审核|盖章|签证|证明|护照|服务簿|网上|系统|app|小程序|预约|入口|绑定|手机号|菜单|公众号|网站|页面|登录|"
                    r"密码|账号|申报|提交|体检|考试|考了|补考")
# Someone or something else than what was told before: "一个拉肚子已经吃了药没事了，另一个刚才吐血了", "他们已经被拖走，
# 我们的船底裂了在进水", "他女朋友也一起掉下去的". An end told of one is no end of the other.
# An end told and then overturned ("我老公说没事 结果他刚才倒下了").
OVERTURNED = re.compile(r"结果|没想到|谁知|哪知|哪晓得|(?:但是|可是|不过).{0,6}(?:越来越|还在|又|更)")
# Our side said to be well while the event is the other ship's ("对面那条好像沉了一半 我们这边人没事").
OUR_SIDE = re.compile(r"我们(?:这边|这里|船上|这条船|船)")
THEIR_SIDE = re.compile(r"对面|对方|那条船|那条|另一条|别的船|人家的船")
_OTHER_ONE = r"另(?:一|外一?)(?:个|位|名|条|艘|只)|另外那(?:个|位|条)|其他(?:人|几个|的人)|第(?:二|2)(?:个|条|件)"
OTHER_ONE = re.compile(_OTHER_ONE)
ANOTHER = re.compile(_OTHER_ONE + rf"|(?:我们|咱们)(?:的)?船|{_WHO}(?:也|又)(?:一起|跟着)?(?!都|没|不)")
# A denial that tells the rest is not pressing ("第一个事情不急"): an end, before news of another event.
NOT_PRESSING = re.compile(r"不着?急|不紧急|没(?:有)?出事")
# Believed and not seen: "一开始以为他溺水了" is no telling of its own.
BELIEVED = re.compile(r"(?<![不没])以为")
# Nobody struck by what broke or fell ("缆绳断了 好在没打到人").
# The people safe and well, said outright ("人员安全", "没人不舒服"); not a call to keep them so ("确保人员安全").
_PEOPLE_UNHURT = r"(?<!确保)(?<!保证)(?<!注意)(?<!保障)人员(?:都)?安全(?![吗么第])|没(?:有)?人(?:不舒服|难受|头晕|中毒)"
_NOBODY_STRUCK = r"(?:还好|好在|幸好|幸亏)?没(?:有)?(?:打|砸|弹|碰)(?:到|着)(?:人|谁)"
# "人没事" says nobody is hurt, not that the ship is safe: only "没事了", "都没事" and the like negate the whole.
NEGATED = re.compile(
    r"(?<!有)没(?:有)?(?:人)?(?:落水|着火|受伤|被困|进水(?!里)|漏气|漏水|漏油)|没(?:有)?(?:火|烟)(?:也没(?:有)?(?:火|烟))?(?!.{0,2}(?:灭|了))|"
    r"不算(?=走锚|搁浅|碰撞|事故|险情|落水|着火|进水)|没(?:有)?出事|无(?:损失|后果|人员受伤)|未遂|险些|照常|没(?:有)?伤(?:到|着)人|没人受伤|没(?:有)?动手|不严重|不太严重|不(?:太)?厉害|(?<!要)不要紧|不会(?:压|砸|掉|撞|伤|夹)(?:到|着)?人|没(?:有)?(?:什么)?影响|不影响|备用(?:机|发电机|的)?(?:已经)?(?:在|已)?(?:运行|启动|顶上|用上)|说.{0,10}(?:晚点|晚些|迟点|一会儿?|等会儿?|过会儿?|明天|明早)(?:就|再)?回|(?:这个|这样)?正常吧|例行(?:测|检查)|记录(?:已经)?填好|等配件|(?<![生车人\d])在码头(?:修|等)|信号(?:一直|很|太)?(?:不好|差)(?!.{0,4}(?:打不了|打不出|电话打不出))|被?拖轮(?:在)?拖着|没(?:有)?(?:破损|损坏)|(?:跟|和)船(?:上)?没(?:有)?关系|正常(?:待泊|锚泊|停泊|作业)|(?<!是)不是(?:真)?(?:的)?(?:船)?(?:着火|落水|险情|紧急|真的|翻|进水|撞|搁浅|走锚|缆绳断|漏)|(?:都|船|一切|大家都?)没事|没事了|"
    r"(?<!暂)无人(?:落水|受伤|伤亡)|(?<!暂)(?:无|没有)人员伤亡|平安|安全了|虚惊|里面没人|不用找|不用派|不用来|不需要(?:帮助|救援|帮忙)|不用帮忙|"
    r"没(?:有)?(?:流|漏|排)(?:到|进)|不急|不着急|不紧急|有空(?:来|再|的时候)|说一声|提个醒|提醒一下|帮忙留意|留意一下|(?:估计|可能|应该)(?:是)?(?:在)?(?:睡觉|睡着)|还没下水|没下水|其实(?:我们|船|人)?(?:都)?(?:好好|没事|正常)|"
    r"好好的|原来只是|船(?:也)?没(?:有)?(?:坏|破|事)|(?:船体|船壳|船底)(?:也)?没(?:有)?(?:伤|受损|破)|" + _PEOPLE_UNHURT + r"|"
    r"没(?:有)?(?:流入|流进|漏进|漏入|入)(?:江|河)|不用管|都没(?:有)?(?:什么|啥)?大碍|" + _NOBODY_STRUCK + r"|没(?:有)?人在(?:下面|里面|底下|上面|船上|水里)|(?:抛锚)?停在锚地|在锚地(?:等|待)|没挡着"
)
# Nobody hurt or in the water: said of the people, not of the ship, so no end to a ship's trouble that goes on
# ("还好没有人受伤 船在往下沉").
PEOPLE_SPARED = re.compile(_NOBODY_STRUCK + "|" + _PEOPLE_UNHURT + r"|没(?:有)?(?:人)?(?:落水|受伤|被困)|(?:无|没有)人员(?:受伤|伤亡)|无人(?:落水|受伤|伤亡)|没人受伤|没(?:有)?伤(?:到|着)人")
# That all is well, but for what follows: "大家都好好的 就是老张不见了" tells the news after the exception.
ALL_WELL = re.compile(r"好好的|大家都(?:挺|很|还)好(?![害怕冷慌吓多难累像吗么])|(?:都|船|一切|大家都?)没事|没事了|平安|安全了")
# The calm start of a story: said before the event, it is not its end ("昨晚下锚时一切正常，今天醒来发现船漂到航道").
CALM = re.compile(r"一切正常|(?:现在)?正常了")
EXCEPT = re.compile(r"(?:了|的)?(?:就是|只是|除了|只有|唯独)")
# The event is over: put out, rescued, repaired, found.
# The gap after 已经 may name who did it (已经被拖轮顶住了), never a negation (已经灭不了了 is no fire put out).
RESOLVED = re.compile(
    r"已经(?:被)?[^不没]{0,4}?(?:灭了|灭掉|扑灭|救上来|拉上来|捞上来|救起|脱险|没事|处理好|修好|控制住|堵上|堵住|找到|顶住|稳住|拖走|拖住|围住)|"
    r"已(?:经)?(?:割|解|弄|剪)开了|已(?:扑灭|救起|脱险|处置|修复)|(?:都|已经|已)(?:被)?救上来|救上来了|(?<!岸边)(?<!衣服)(?<!鞋子)(?<!鞋)(?<!那截)(?<!那块)找到了(?!.{0,3}(?:是)?(?:倒)?(?:扣着|翻着|空的|空着|没人))|修好了|修复了|恢复(?:了)?正常|正常航行|继续航行|"
    r"(?:清|清理|处理|收|擦)(?:完|干净)|抛好|拉开了|(?:船长|已经)处理了|自己(?:爬)?上来了|已经醒(?:了|过来)|醒过来了|接走了|来看过了|处理过了|(?:现在)?正常了|报备|稳得很|"
    r"退出来了|脱浅(?:了|的)|捡回(?:了)?一条命|(?:全部|都|已|已经)?获救|(?:马上|立刻|赶紧|很快|及时)(?:被|就)?(?:拉|拽|捞|救)(?:了)?(?:上|回)来了|(?:马上|立刻|很快|及时)被(?:拉|拽|捞|救)(?:了)?(?:上|回)来|活蹦乱跳|被.{0,4}(?:拖|拽|拉|救|捞)上来了|(?:都|已经)回家了|(?:已经|已)(?:被)?(?:拖|拉)(?:出来|下来|开)了|(?:人|他们|两个人|两人|俩|大家)(?:都)?(?:已经)?(?:平安|安全)?回来了(?!吗|没)|还好(?:没(?:撞|碰|出事|翻)|没(?:有)?人在(?:下面|里面|底下)|让开|躲开)|(?:让|躲)开了|已(?:经)?联系上|(?<!没)(?<!没有)(?<!不)联系上了|一切正常|已被(?:救起|救上来|找到|送医)|已经(?:恢复|康复|好)了|已(?:经)?康复|抢救(?:过来|成功)|抢救后|已经靠(?:上|好|了)?(?:码头|岸)|(?:现在|已经)稳(?:了|住)|已(?:经)?送(?:到|去|往)?.{0,3}医院|已(?:经)?送医|自己(?:游|爬|走)?(?:上|回)(?:岸|来|船)了|"
    r"(?:人|他|她|孩子|抓住.{0,6})(?:被)?.{0,4}(?<!没)(?:拉|拽|救|捞)回来了|缓过(?:来|劲来?)了|警察(?:来)?(?:了)?(?:把(?:人|他|她)?)?(?:带|抓)走了|"
    r"一把(?:拉|抓|拽)住|(?:幸好|幸亏|还好)(?:有)?.{0,6}(?:捎|救|拉|捞|带|接)(?:了|上|起|回)|后来.{0,8}(?:拖走|拖出|拖下|拖开|救上|救起|捞上|修好|脱浅|灭了|扑灭|找到|换船|回去了|回家了|上岸了)|被.{0,6}救(?:走|出来|上来)了|被.{0,6}(?:叫|劝)(?:下来|回来|回去)了|被.{0,6}(?:拉|拽)(?:出来|上来|回来)了|已经被.{0,4}拖回(?:来)?|(?:后|已|已经|又|重新)恢复(?!不)|(?:已经|又|重新)(?:打着|发动|启动)(?:了)?|正常(?:走|开|跑)了|(?:自己|船)(?:又)?浮起来了|消防(?:车|队|员)?(?:已经)?(?:走了|撤了|收队)|(?:现在|已经)(?:在家|回家)(?:了)?(?:洗澡|睡觉|休息|吃饭)"
)
THANKS = re.compile(r"(?:给你们)?点(?:个)?赞|(?:谢谢|感谢)你们(?!上次|以前|之前)|说声(?:感谢|谢谢)|想感谢|辛苦(?:了|你们|啦)|多谢")
# Not meant: laughter, a message sent by mistake, a drill said to be one.
NOT_MEANT = re.compile(r"(?<!以为)(?:说的|是|都是|只是)气话|说说而已|说着玩的|机器人(?:能|会)(?:听懂|识别|看懂|认出)|功能测试|标气|(?<!不)是(?:设备)?测试|测试(?:一下|信号|测试|消息)|请忽略|看你(?:回不回|会不会|能不能)|试试你|我就试试|能识别|讲(?:个)?笑话|发错(?:群|窗口|人)|撤回了|乱讲|哈哈|呵呵|嘿嘿|笑死|发错了|(?<![水油气货阀])打错了|乱发(?!脾气)|误发|乱按|误按|按错|误触|不小心(?:发|按|点)|打错字|错别字|输错了|(?<!不是)(?<!不)(?<!没)开(?:个)?玩笑(?!往|地|的时候|时)|笑成一团|演习演习|不是真的|逗你|逗你们|别当真|不要当真|测试(?:你们|一下)?(?:的)?(?:机器人|客服|公众号)|lol|just joking|kidding")
# Words of today and just now: a long-past year beside them ("去年买的船刚才着火了") says nothing of the event's time.
JUST_TOLD = re.compile(r"刚才|刚刚|突然|今天|今晚|今早|这会")  # besides NOW
# Long ago: months or years. An event that "goes on" since then (人一直没找到) is the aftermath, not news.
LONG_AGO = re.compile(r"(?:\d+|[一二两三四五六七八九十几]+)(?:个)?(?:多)?(?:年|月)前|半年前|去年|前年|几年前|上个?月|当年")
# Told firsthand or as a call to search now: what would read as news or a rumour is not ("不是谣言 我就在现场",
# "附近船舶请协助搜寻").
FIRSTHAND = re.compile(r"(?:我们|我)(?:刚|刚刚|刚才)?(?:开船|开|划|跑|赶)?(?:过去|赶到|到了).{0,3}(?:就)?(?:发现|看到|看见)|(?:我|我们)(?:被|给)(?:人|他们)?(?:关|锁|绑|捆|扣|困|押)|(?<!是)不是谣言|(?:对讲机|甚高频|vhf|高频|频道)(?:里|上)(?:听到|听见|有人喊|在喊)|(?:刷到|在看|看着)(?:一个|个|同城)?直播|直播(?:还|一直)?(?:开着|没关)|直播间|(?:就)?在我(?:的)?眼前|我眼睁睁|我也(?:看到|看见|听到)|就在我们(?:这|这个|这边)|(?:我|我们)(?:就|正|刚好)?在现场|亲眼(?:看到|看见|所见)|(?:请|附近).{0,8}(?:协助|帮忙|参与)(?:搜寻|搜救|救援|救助|寻找)")
# "But": what follows it is the point.
BUT = re.compile(r"不过|但是|可是|(?<![不非])但(?![愿凡是])")
# What did happen, after what did not ("没着火 没漏水 就是…").
ONLY_THIS = re.compile(r"(?:就|只|而|倒)是(?!(?:想)?问|想|咨询|好奇)|(?<![不就只而倒])是(?=.{0,4}(?:破|漏|裂|断)了)|(?:人|他|她)是(?=.{0,3}(?:困|卡|被|在))")
# The office's business brushed aside to report what happens ("我不是问保险，渔船在我们前面翻了"): the topics of the
# message are not asked.
DISMISSED = re.compile(r"不是问|不是(?:在)?玩(?:游戏)?|不是我的玩具|不要看|不需要(?!帮助|救援|帮忙)|别(?:再)?(?:发|回)|我说的是|问的不是|不是要(?!闹)|先不问|不问了|先放一放|放一边|"
                       r"(?:先)?别(?:给我)?(?:推|发|管)|(?<!管)不管(?:什么|啥)|没心思|哪有时间|没时间|不要(?:自动|机器)|回头再说|以后再说|"
                       r"(?:热线|12395|你们(?:的)?电话)(?:一直|老是|总是|根本|怎么)?(?:打不通|占线|没人接)")
# It happens again now: what happens again and again is no complaint then ("天天打我，今天又把我吊在桅杆上").
AGAIN_NOW = re.compile(r"(?:今天|这次|刚才|现在)又|又开始|(?:今天|这次|刚才|刚刚)(?!又).{0,10}(?:没(?:有)?(?:上来|回来|出来|回)|不见|突然|好久|半天)")
# A question given up: "本来想问…". What follows its clause is the news.
SUPERSEDED = re.compile(r"本来(?:是)?(?:想|要|打算)(?:问|咨询|了解)")
# A turn in a long message: what follows it is news, not the question asked before it.
TURN = re.compile(r"(?:先|暂且)不(?:提|说|管|谈)|应该是(?!.{2,16}的$)|我要说的是|更正|现在可好|这下(?:可)?好了|(?:啊|哦|诶|哎)?不是(?=.{0,3}真)(?!真(?:的)?(?:着火|起火|失火|落水|翻|沉|撞|进水|漏|爆|炸|出事|有人))|(?:诶|哎|啊)?不对|等等|等一下|wait|卧槽|我靠|但这次|但刚|后来发现(?!是)|转头|(?:这)?不是(?:测试|演习|开玩笑|玩笑|剧本)|(?:刚才|刚刚|突然|今天)(?:醒来)?发现|可(?=刚|现在|我|火|水|船|人|他|她|已经|货|舱)|不过|但是|可是|结果(?=.{0,2}(?:刚|现在|突然|今天))|然而|谁知(?!道)|没想到|现在出(?:事|了)|现在更|唉|另外|还有(?=刚|现在|突然)")
# Games, fiction and stories: a message that names one may tell its events in the present ("和平精英 刚才坐船被炸了").
FICTION = re.compile(r"和平精英|吃鸡|原神|剧本杀|桌游|我的世界|动画片|那一?集(?!装)|(?:有|这|哪)一集|小猪佩奇|熊出没|海绵宝宝|蛋仔|(?:有|这|那)一关|关卡|通关|真心话|大冒险|编(?:了)?(?:个|一个)?故事|水鬼|电视剧|电影|(?<!发)(?<![很太])小说|绘本|故事书|童话|游戏|表情包")
# A clause that starts with now or just now, or with something urgent: what follows is the news (the clause start is
# checked by distress.py). "现在想问…" is no news.
NOW_TURN = re.compile(r"(?:我|我们)?(?:现在|刚才|刚刚)(?!的|.{0,2}(?:想|要|问|打算|准备|说))|还有(?:一)?(?:个|件)(?:事|事情)(?:很|特别|非常)?急|"
                      r"(?:现在)?有(?:个|件)(?:事|事情)(?:很|特别|非常)?急")
# Laughing and crying-with-laughter emoji: "救命😂" is a joke.
LAUGHING = re.compile("(?<!笑)嘻嘻|[\U0001F602\U0001F923\U0001F606\U0001F604\U0001F601]")
# A message sent by mistake and corrected before the event is told: the correction is the message meant ("打错了 不是1
# 是有人落水 救人", "发错了 应该是 我们船被撞"); without a correction before it ("发错群了 刚才说我快淹死了是说邮件太
# 多"), the event is what was not meant.
RETRACTED = re.compile(r"发错(?:了|群|窗口|人)|(?<![水油气货阀])打错(?:了|字)|输错了|按错|误发|乱按|误按|误触|不小心(?:发|按|点)|撤回了|错别字")
CORRECTION = re.compile(r"应该是|不是.{1,6}?是|我要说的是|更正")
# A drill, unless something really happened during it ("演习的时候真有人掉下去了").
DRILL = re.compile(r"(?:复苏|急救|救生|消防|灭火|堵漏|弃船)(?:的)?练习|(?<![没不])练(?:习)?(?!过).{0,6}自救|自救(?:训练|练习)|校罗经|校正罗经|罗经校正|系泊试验|(?:密性|水密|气密|冲水|打水|压力|倾斜)试验|小品|我演|表演|节目里|演习|演练|模拟器|模拟游戏|游戏里|假人")
REALLY = re.compile(r"(?<!以为)(?<!不是)真(?:的)?(?:被|在|跳|有|掉|落|着|烧|起火|失火|出事|受伤|撞|进水|漏|晕|倒|昏|伤|沉|翻)|(?<!以为)真(?:的)?从.{0,8}(?:掉|落|滑|摔|跌|翻)|(?:本来|原本)(?:是|在)(?:搞)?(?:演练|演习|训练|练习).{0,3}(?:结果|没想到|谁知道?)|不是(?:演习|演练|训练|测试|开玩笑|玩笑|剧本|闹着玩|逗你|演的|在演)|非(?:演习|演练|训练|测试)|(?:都|大家|我们)?以为是(?:演习|演练|测试|误报)|没在演|真的?没(?:上来|出来|浮上来|起来)|(?<!不)是真的(?!吗)|别以为|不是逗你|没逗你|可能不信|闯祸|手(?:在|都在)?抖|我(?:真的)?慌了|"
                    r"(?<!器)(?<!模拟)(?:训练|演练|演习)(?:的时候|时|中)?(?:(?!假人|模拟人|人偶).){0,4}(?:翻了|撞了|沉了|掉(?:下去|进)|落水了)|"
                    r"(?:训练|演练|演习)(?:的时候|时|中).{0,12}(?:突然|意外)")
# A hazard word as a figure of speech about money, work, games, songs or love (股市又翻船了, 业绩掉水里了, 火爆到爆炸).
# Only words that a real emergency would hardly hold: not 游戏, 直播 or 饭店 (children at play, someone filming, a
# restaurant's pontoon all fall in the water), not 失恋 (a threat to jump is an emergency).
FIGURATIVE = re.compile(r"石沉大海|(?:输|找|搜)(?:得|了个)底朝天|快(?:沉|散架|报废)了(?:都)?还在(?:用|跑|开|营运)|(?:说|讲|指)的是.{0,8}(?:玩具|模型|游戏)|简直(?:就)?是被|小猪佩奇|熊出没|蛋仔|(?:有|这|那)一关|编(?:了)?(?:个|一个)?故事|水鬼|(?:心里?|感觉|得)(?:跟|像|如同|好比)(?:是)?(?:掉|落|沉|泡|跳|翻|搁浅).{0,10}(?:一样|似的|一般)|(?:工作|作业|活|事|消息|文件|任务|邮件)(?:多|忙|轰炸|刷屏)(?:到|得)(?:要|快)?(?:淹死|被淹|溺水|窒息)|看(?:到|见)?.{0,6}就(?:想吐|恶心|头晕|头疼)|(?:红|晚霞|夕阳|天边|天空|云|(?<![今昨前明当每白半])天).{0,8}(?:跟|像|和|好像)?(?:着火|起火|烧起来|火烧)了?(?:一样|似的)|(?:明天|明早|明儿)(?:估计|肯定|怕是|可能|都)?起不来|烟花.{0,4}(?:太|好|真|超)(?:炸|燃)|感觉(?:自己)?(?:已经|像是?)(?:溺水|淹死|被淹)|脑子进水|人气(?:爆|火|旺)|困死我了|困得要死|晚安|(?:作业|功课|论文|工作|加班|考试|试卷)(?:要|快|都|真)?把我(?:给)?(?:淹|烧|压|逼|累)|绘本|故事书|童话|比.{0,6}(?:着火|沉船|翻船|落水)还|发起火来|(?:气|累|忙|急)(?:得|到)(?:要|快)?吐血|(?:我的)?心(?:在|都)?(?:燃烧|碎了)|我的心(?!脏|跳|口|率)|我(?:的)?心(?:都)?沉(?:到|下去|了)|淹死(?:了)?(?:人的)?心|里那句|那句歌词|歌词|压得(?:我)?(?:都)?喘不过气|(?:美|帅)(?:晕|哭|呆)|爱上(?:了)?(?:一个|你|她|他)|心里(?:的)?(?:火|着火|冒火|起火)|等(?:你们)?.{0,6}(?:批|办|审)(?:下来|好|完)|(?:急|气)得(?:冒火|冒烟|着火)|心态(?:爆炸|崩|炸)|(?:沉没|沉|淹没|淹死|淹|溺死|埋)在.{0,8}(?:工作|作业|文件|消息|题海|书海|人海|表格|会议|报表|材料)(?:里|中|堆)|我(?:都|也)?(?:快|要)(?:被)?(?:热|晒|烤)?(?:着火|烧起来|冒烟|化|熟)了|(?:撞|碰|掉|沉|翻|烧|丢|偷)(?:了)?(?:都|也)不知道(?!.{0,3}(?:怎么|咋|该|去|在|往|是|哪))|整个人都燃|我(?:都)?(?:快)?沉底|系统(?:又|都)?崩|(?:工资|奖金|钱包|股票|基金)(?:又|都)?(?:沉|淹|烧|炸|翻)|月光了|吃土|剁手|我的世界|桌游|剧本杀|汪汪队|动画片|那一?集|脑筋急转弯|谜语|猜谜|答案是|(?<!乱发)脾气|感觉自己被|生活的|头都(?:要|快)?(?:冒烟|炸了|大了)|感觉被|落水狗|就醒了|(?:做|作)(?:这种|这个|了个|了一个)?梦|心情(?:就)?像|就像.{0,6}的船|股市|股票|炒股|基金|全仓|被套|割肉|业绩|绩效|kpi|表格|(?<!回)火爆(?!燃|炸)|很火|好火|王者|荣耀|团战|开黑|(?:被)?队友(?:太)?坑|坑队友|猪队友|歌词|哪首歌|"
                        r"这首歌|那首|歌名|没钱吃饭|爱情里|就像一(?:条|艘|只)|(?:公司|单位|人生|生活|婚姻|团队|这个家)(?:现在)?(?:就)?(?:是|像)一(?:条|艘|只)|好比|比喻|加班费|(?:恋爱|爱情|人生|生活|工作|婚姻)(?:就)?像|"
                        r"(?:项目|计划|方案|合作|谈判|婚事|约会|表白|相亲|恋爱|暧昧).{0,8}(?:搁浅|着火|翻船|翻车|沉了|黄了|走锚)|球赛|比分|防线|\d比\d|输成|心里像|心像|像(?:条|只|艘)|"
                        r"(?:公司|企业|厂子?).{0,6}(?:沉船|沉了|翻船|搁浅|倒闭)|像溺水|"
                        r"(?:生活|人生|工作|婚姻|爱情|公司|单位|家庭|团队|项目|社会|命运)(?:就|真)?是一(?:条|艘|只)|这题|第.{1,3}题|考题|做题|火药桶|气氛|感觉自己(?:在|像)|"
                        r"被(?:工作|作业|文件|消息|事情)|工作(?:给)?淹|运价|这一?行(?:的)?|跑不起|亏本|生意(?:难做|不好做)|"
                        r"作业(?:写|做)不完|赶作业|补作业|的作业(?!平台|船|区|现场|面|点|人员)|逼疯|(?<!谈)生意|亏了|亏损|找出路|散伙|火锅(?!店|门口|城|馆)|辣死|被老板(?:骂|批|训|说|催|开除|辞退|炒)|老板骂|挨骂|被骂|"
                        r"这道题|选错|选对|广播剧|台词|剧里|音效|配音|被.{0,3}(?:订单|邮件|消息|工作|作业|文件|事情|活儿?)(?:给)?淹|爆单|"
                        r"感情(?:里|上)|恋爱里|婚姻里|钱眼|梦见|梦到|做梦|感觉自己是|画饼|画的饼|网速|(?<!只有)(?<!靠)(?<!靠船上)(?<!用)wifi(?!(?:能|可以)?发)|难吃|吃到撑|撑死|太贵了|无聊|"
                        r"小龙虾|和平精英|吃鸡|原神|资金链|(?:气|急|累)得(?:我)?(?:胸口|心口|肝|头|胃)(?:都)?(?:疼|痛)|呼噜.{0,8}(?:窒息|要命|出人命|受不了)|(?:吵|烦|笑|无聊)得我(?:都)?(?:快|要)(?:窒息|死|疯|崩溃)|(?:自己|人|身体|骨头|浑身)(?:都)?(?:快|要)?散架|模拟题|选择题|判断题|(?:单|多)选题|选哪(?:个|一个|一项|项)|(?:烫|热|晒)得(?:都)?(?:能|可以)(?:煎|烤|煮|烙)|热得.{0,6}(?:要|快|都)(?:着火|冒烟|烧起来|爆炸)|亏死|没货|还没轮到|排到.{0,8}(?:下面|后面)|排队.{0,4}(?:太|好|真)?(?:长|久|慢)|爆炸头|(?<![a-z])cp(?![a-z])|心态崩|塌房|重映|泰坦尼克|等(?:到|得).{0,6}都(?:要|快)")
# A simile: a figure of speech when the hazard is told inside it ("问个问题像落水了等救援一样") or there is only a call
# word ("救命 雾里的大桥像仙境一样"), not when it only describes how the event went ("氧气瓶像火箭一样乱窜 撞到人了").
SIMILE = re.compile(r"(?<![水火烟血口子头背])(?:像|跟)(?:(?!像|跟).){0,8}(?:一样|似的)(?!疼|痛|难受)")
# Money, paperwork and temper: a hazard word said of them in the same clause is a figure of speech ("运费跌成这样
# 船要沉了", "救命这个月又没活干", "淹死在报表里", "气炸了"); a fire told beside the freight ("运费的事先不说 船撞了") is not.
WORRIES = re.compile(r"一度电|电费|收(?:我|了我)?(?:\d|[一二两三四五六七八九十几])+(?:块|元)|价(?:格|钱)?(?:又|都|还|一直)?(?:跌|降)|(?<!船)涨价|对账|账单|财务|发票|报销|(?:港务|港建|港口|引航|代理|停泊|靠泊|锚泊|拖轮|检验|船检)费|费(?:用)?(?:怎么)?又涨|跌成|行情|生意(?:不好|难做|差)|扣钱|迟到|堵船|等闸|过闸等|烦死了|作业(?:好|太|真|很)?(?:难|多)|写作业|做作业|功课|活(?:太)?多|加班|考得|考证|运费|没活(?:干|了)|电费|水费|借(?:我)?(?:点)?钱|亏(?:得|惨)|报表|气炸|题库|考试|港口费|油价|排队(?!上船|上车|等船|的人)|"
                     r"(?<!幸)(?<!多)亏一趟|(?:费|价)(?:涨|太高)")
REALLY_EN = re.compile(r"during (?:the |a |an )?(?:\w+ ){0,2}(?:drill|test|exercise|inspection)|real person|"
                       r"not (?:a )?(?:dummy|drill|test|joke)|this is real|for real|no joke|not kidding|actually")
# English signs of now: the writer's own ship, the present, a plea.
LIVE_EN = re.compile(r"(?<![a-z])(?:we are|we're|we have|now|right now|currently|still|please|pls|urgent|urgently|"
                     r"immediately|asap|quick(?:ly)?)(?![a-z])")
FIGURATIVE_EN = re.compile(r"(?<![a-z])(?:paperwork|on fire today|on fire with|candles|birthday|sink the competition|"
                           r"my career|drowning (?:me|in (?:work|paperwork|emails?|debt)))(?![a-z])")
BUT_EN = re.compile(r"(?<![a-z])but(?![a-z])")
ABOUT_EN = re.compile(r"(?<![a-z])(?:what does|what kind of|which (?:kind|type) of|extinguishers?|what (?:is|are) the meaning|meaning of|when (?:should|to use)|instead of|in (?:19|20)\d\d|"
                      r"\d+ (?:years?|months?|weeks?|days?) ago|back in|just telling|(?:crazy|funny|old|true) story|tell(?:ing)? (?:a |the )?story|statement|"
                      r"which office|p&i|settled|already (?:settled|done|resolved|fixed|repaired|out|rescued|recovered)|"
                      r"(?:pump|alarm|equipment|radio|siren|system) test|test(?:ed|ing) (?:the|our)|test (?:done|completed|ok)|"
                      r"(?<!during the )(?<!during )fire (?:pump|drill|extinguisher|hose|station|door|main)|in case of|lost and found|"
                      r"jurisdiction|who has|insurance|(?<!hatch )cover|covers|claim|drill|training|exam|course|certificate|rule|rules|"
                      r"regulation|fine|penalty|report|how to(?! (?:call|get|ask for) help)|how many|how often|what is|policy|project|data|"
                      r"homework|assignment|research|article|last year|last month|last week|(?:channel|river|port|lock) (?:is |still )?closed|still closed|reopen\w*|update|any news|what should|if my|"
                      r"if i|if we|before|next month|next week|movie|film|book|novel|song|buoy (?:is |was )?(?:missing|gone|moved|off|out|broken|light)|off position|off station|no light|put out|"
                      r"extinguished|if there is|no injur\w*|is (?:that|this|it) normal|(?:it )?was just|not serious|nothing serious|under control|all safe|resolved|if man|if someone|if a|what channel|"
                      r"which channel|login|password|recovered|procedures?|version|manual|guide)(?![a-z])")
# A hazard word that only qualifies a noun: "落水事故", "火灾自动报警系统", "失踪人员的情况说明".
AS_MODIFIER = re.compile(r"的人(?!还|在|没|不|放|拿|追|冲|跑|跳|抱|抓|挂|扒)|的事(?:情)?(?!故)|后的|(?<=了)的(?:砂|沙|货|渔|客|油)?船(?!上|里|舱|员|的人|底|头|尾|边|身)|(?:的)?(?:事故|人员|人数|小孩|者|险|报警(?!加|了|响|在)|系统|按钮|回收|应急|设备|器材|探测|演习|演练|训练|drill|证明|说明|声明|报告|案|事件|英雄|"
                         r"风险|隐患|损失|赔偿|责任|调查|医药费|费用|住院|造成|泡烂|的时候|时丢|表彰|(?:的)?意外险)")
# A question rather than a report (怎么办 asks for help, not information).
QUESTION = re.compile(r"吗|么|呢|多久|多少|谁|哪|什么|啥|(.)不\1|怎么(?!办|搞|弄)|如何|几|是否|了没(?:有)?$|没有$|不$|有没有|请问")

# Words that place a message on a ship or the water (used to trust a pinyin slip of a key word).
SHIP_CONTEXT = re.compile(r"船|舱|江|河|水|码头|锚|驳|趸|甲板|航|桥|浮|岸|舵|缆|机|海|人|快|拖")

# Key words whose pinyin slips (落睡, 着伙, 就命) are read as the word when the message is about a ship.
PINYIN_WORDS = {
    "救命": "call", "求救": "call", "救救": "call", "落水": "person_in_water", "溺水": "person_in_water",
    "着火": "fire", "失火": "fire", "起火": "fire", "爆炸": "fire", "进水": "flooding", "漏水": "flooding",
    "翻船": "flooding", "沉船": "flooding", "搁浅": "grounding", "触礁": "grounding", "走锚": "propulsion",
    "断缆": "propulsion", "撞船": "collision", "跳江": "person_in_water", "撞了": "collision", "受伤": "medical", "相撞": "collision", "昏迷": "medical", "失踪": "missing",
    "漏油": "spill", "撞到": "collision", "撞上": "collision", "船翻": "flooding", "失控": "propulsion",
    "中毒": "toxic", "打架": "violence", "漏气": "toxic", "骤停": "medical",
}

# Sequences that sound like a key word but are the everyday words of a cargo ship: loading (装) sounds as 撞.
NOT_SLIPS = ("装了", "装到", "装上", "装船", "翻穿")

# Words the pinyin reader (ime.py) prefers over more common words of the same sound: the key words above, and
# the words of a message from a boat on the river (船 over 穿, 江 over 将, 沉 over 陈, 桥 over 瞧).
PINYIN_FAVOURED = tuple(PINYIN_WORDS) + (
    "掉水里", "掉江里", "掉河里", "掉下去", "弟弟", "妹妹", "哥哥", "姐姐",
    "船", "江", "河", "沉", "漂", "桥", "漏", "舱", "锚", "浪", "掉", "火", "烟", "撞", "翻", "血", "江里", "水里", "河里",
    "江边", "船上", "船头", "船尾", "船底", "机舱", "货舱", "主机", "舵", "救人", "拿刀", "受伤", "淹", "油",
    "晕倒", "昏倒", "昏过去", "我爸", "我妈", "老公", "老婆", "儿子", "女儿", "孩子", "冒烟", "下沉", "救生衣", "碰", "碰撞", "油污", "夹住", "卷进",
)
LATIN = re.compile(r"[a-z]{2,}[\s,.!?，。！？]+[a-z]{2,}|[a-z]{5,}")
# Dialect that the patterns would miss: 冇 (Hubei, Hunan, Cantonese) is 没; the Cantonese of everyday speech.
# Rescue words mistyped with a pinyin keyboard, read as meant before anything else (the pinyin slip repair only looks
# at key words alone, and these come inside longer phrases).
TYPED_SLIPS = (("就生圈", "救生圈"), ("著火", "着火"), ("著了", "着了"), ("救户车", "救护车"), ("集装想", "集装箱"), ("心肺附属", "心肺复苏"), ("在就人", "在救人"), ("快就人", "快救人"), ("快段了", "快断了"), ("伙灾", "火灾"), ("火宅", "火灾"), ("货仓", "货舱"), ("船仓", "船舱"), ("机仓", "机舱"), ("冷藏仓", "冷藏舱"),
               ("底仓", "底舱"), ("仓底", "舱底"), ("车仓", "车舱"))
DIALECT = str.maketrans({"冇": "没", "喺": "在", "佢": "他", "唔": "不", "嚟": "来", "咗": "了", "嘅": "的", "哋": "们",
                         "勿": "不", "伊": "他"})
# 勿 and 伊 are 不 and 他 in Shanghai and Suzhou speech. 冒 is 没 too in Hubei and Hunan speech, but also "to emerge" (冒出来, 冒烟): only in these phrases.
DIALECT_WORDS = (("而家", "现在"), ("点算", "怎么办"), ("点办", "怎么办"), ("郁不", "动不"), ("郁都不郁", "一动不动"),
                 ("他们话", "他们说"), ("系咪", "是不是"), ("几时", "什么时候"), ("冒回来", "没回来"), ("冒有", "没有"),
                 # Sichuan and Chongqing: 河头 is 河里; Shanghai: 阿拉 we, 哪能办 what to do, 浪向 on.
                 ("河头", "河里"), ("水头", "水里"), ("阿拉", "我们"), ("哪能办", "怎么办"), ("浪向", "上"),
                 # Hubei, Hunan and Sichuan: 么斯 / 么事 / 么子 / 啥子 what, 咋个 / 哪能 how, 伢 a child, 克 to go (下克),
                 # 莫得 / 没得 none.
                 ("么斯", "什么"), ("么事", "什么"), ("么子", "什么"), ("啥子", "什么"), ("咋个", "怎么"), ("哪能", "怎么"),
                 ("伢", "孩子"), ("下克", "下去"), ("莫得", "没有"), ("没得", "没有"))

# 了 after the event, or after what it left stuck ("撞在一起卡住了").
JUST_NOW = re.compile(r"(?:卡住|卡死)?(?:里|上|下|中|去|到|进|前|边|旁|口)?了")
FRESH = re.compile(r"(?:里|上|下|中|去|到|进|前|边|旁|口)?了")
# A thing or an animal, not a person or a ship, a few words before the event: "手机掉江里了" is a lost phone,
# "江豚搁浅" a stranded porpoise, "32号红浮不见了" a buoy off station; not a thing someone was handling or going
# after (HANDLED just before it: "在船边捡东西掉下去了", "为了救他家狗跳进江里了": whoever did it fell).
# "遛狗的" and "钓鱼的" are people: a thing followed by 的 names whoever goes with it.
_THING = (r"(?:皮球|气球|球(?!员|队|场)|风筝|玩具(?:船)?|奥特曼|乐高(?:船)?|模型船|纸船|积木|玩偶|暑假作业|寒假作业|作业本|课本|书包|(?:小)?乌龟|金鱼|仓鼠|遥控(?:船|车|飞机)?|(?<!面)包(?!工|括|头|子|车)|行李箱?|衣服|被子|拖鞋|锅(?!炉)|盆|"
          r"凳子|椅子|瓶子|篮子|泡沫箱|鱼护|网兜|水桶|拖把|(?:头|只)(?:小)?(?:牛|羊|猪)|牛群|羊群|鹦鹉|手机|钱包|背包|包包|钥匙|蔬菜|庄稼|秧苗|安全帽|手套|扳手|工具|渔网|网具|证书|证件|身份证|护照|服务簿|(?:船员|海员|驾驶)证|帽子|鞋子?|眼镜|东西|鱼竿|钓竿|竿子|渔具|钓具|浮漂|鱼漂|游泳圈|泳圈|桨|狗|猫|[一有这那][块根](?:钢板|钢管|钢筋|木板|模板|铁块)(?!上)|零件|配件|"
          r"宠物|江豚|中华鲟|鲟鱼|浮标|航标|红浮|绿浮|(?:钻|婚)?戒(?:指)?|项链|耳环|手表|首饰|无人机|电线|电缆|绿萝|盆栽|多肉|花盆|花草|植物|相机|gopro|运动相机|摄像机|自拍杆|墨镜|太阳镜|行李|箱子|鸟|鸭子?|鹅)")
# Things that may name a boat that is no ship: 玩具小船, 模型船, 纸船.
TOY_BOAT = re.compile(r"玩具|模型|遥控|纸|乐高")
THING_BEFORE = re.compile(_THING + r"(?:(?!老公|老婆|爱人|儿子|女儿|孩子|小孩|娃|爸|妈|爷|奶|哥|姐|弟|妹|伙计|师傅|司机|驾驶员|工人|船员|连|人|他|她|我(?!家|们家)|你|也在|还在|都在|船(?!上|里|边|头|尾|舷|缝|底|下|板)|的$).){0,6}$")
# A thing named with 的 and suffering the event ("洗衣服的衣服被冲走了", "钓鱼的鱼护被水冲走了"): the thing, not
# whoever handled it (HANDLED), is what the event befell.
THING_SUFFERED = re.compile(r"的" + _THING + r"(?:也|都|又|全)?(?:被.{0,3})?$")
HANDLED = re.compile(r"[焊拿搬捡取够修收捞找摸掏放拉拖扛抬提挂绑装卸晒洗救追抱抓拍逗喂被穿戴带买卖送](?:着|了)?(?:他|她|我|你|人)?(?:家|的|家的)?"
                     r"(?:[漂飘浮挂](?:着|在|走)?的)?(?:[红黄蓝绿白黑灰花紫粉]色?)?(?:小)?$")
# Someone going after the thing between it and the event ("鞋子掉水里去追，被冲走了"): the event befalls whoever went.
PURSUED = re.compile(r"(?:去|跑去|下去|下水|跳下去|伸手|想)(?:追|捡|捞|够|拿|抓|找|救)|(?<![被给])(?:追|捡|捞|够)(?:它|着|了)")
# What sinks or takes water and is no ship: toys and animals ("狗在江里快淹了", "玩具船沉了"), not whatever is in a
# hold ("舱里东西都进水了"). What drifts off or cannot get back may be any thing but the ship's own gear: a net, an
# oar or a buoy that fouls or parts is the ship's trouble.
ADRIFT_THING = re.compile(r"玩具|遥控|狗|猫|牛|羊|猪|鸭|鹅|鹦鹉|江豚|宠物")
# How a person is not reached: said of the phone ("手机打不通"), it is still the person who is missing.
UNREACHABLE = re.compile(r"打不通|没人接|联系不上|关机|不在服务区|叫不通|呼不通")
GEAR = re.compile(r"渔网|网具|桨|浮标|航标|红浮|绿浮|浮漂|鱼漂|工具|扳手")
# A gadget or a piece of clothing that took water ("手机进水了", "鞋子进水了"): no ship in it.
GADGET_BEFORE = re.compile(r"(?:手机|鞋子?|靴子|钱包|背包|包包|相机|手表|电脑|充电宝|耳机|衣服|帽子|手套)(?:(?!船|舱|艇|驳).){0,3}$|"
                           r"(?:手机|钱包|相机|手表|电脑|充电宝|耳机)(?:掉|落)(?:进|到)?(?:了)?(?:江|河|水|湖)里?(?:了)?$")
NAVAID_BEFORE = re.compile(r"(?:浮标|航标|灯桩|灯浮|红浮|绿浮)(?:(?!人|我|他|她|船上).){0,14}$")
# A road vehicle that hit something on land ("大桥上有辆车撞了护栏"): no ship in it.
VEHICLE_BEFORE = re.compile(r"(?:汽车|轿车|车子|小车|货车|大巴|公交车?|电动车|摩托车?|(?<![倒停开刹])车)(?:(?!船|艇|驳).){0,4}$")

# The cries of the foreign crews of sea-going ships in their own script, which the normalisation drops, read as the
# English a crew would use: Russian "man overboard", "help", "fire".
FOREIGN_CRIES = (("за борт", "man overboard"), ("на помощь", "help"), ("помогите", "help"), ("пожар", "fire"))
# A short word in quotation marks: a word named ("“救命”用英语怎么说", "工资一到就“落水”了"), not a report, unless
# the words just before it say it was said or heard (SPOKEN: "听到有人喊“救命”", "就说了一句“船进水了快”").
QUOTED = re.compile(r"“([^”]{1,6})”|「([^」]{1,6})」|『([^』]{1,6})』|\"([^\"]{1,6})\"|‘([^’]{1,6})’")
SPOKEN = re.compile(r"说|句|声|喊|叫|呼|听|道|写|发|讲|告诉|[:：]")
# A quoted sentence is a word named only when the words around it say so ("那条“船着火了”是我发的", "“有人落水”用英语
# 怎么说"); a quoted word of up to three characters always is.
# The event asked a name rather than told ("这算不算落水", "属于碰撞吗").
NAMED_AS = re.compile(r"(?:算不算|算是|属不属于|属于|叫不叫|叫做|称为|定性为|认定为)(?:是)?$")
QUOTE_NAMED_BEFORE = re.compile(r"(?:那|这)(?:条|句|个词)|所谓|词|说法")
QUOTE_NAMED_AFTER = re.compile(r"\s*(?:用英语|英语|英文|怎么说|怎么写|怎么读|(?:是)?(?:什么|啥)意思|的意思|这个词|这句话?|两个字|是指|"
                               r"指的是|一词|是怎么来的|是我)")
THRESHOLD = 2  # live minus about, added to the hazard's strength
SELF_HARM_WEIGHT = 6  # added to "live" for a warning sign of self-harm (round 87)
# Figures of speech that hold a hazard word and say nothing of one: "跑断腿" is running back and forth to an office
# (a complaint, bot/matching/complaint.py), not a broken leg.
IDIOMS = ("淹死的都是会水的", "淹死会水的", "淹死的都是会游泳的", "淹死会游泳的", "阴沟里翻船", "火烧云", "下沉到位", "救命之恩", "扎浪", "破伤风", "mob按钮", "沉没成本", "落水管", "下沉式", "mayday乐队", "sos手表", "sos功能", "sos键", "sos按钮", "城门失火", "殃及池鱼", "火烧眉毛", "水深火热", "火上浇油", "趁火打劫", "引火烧身", "隔岸观火", "如火如荼",
          "赴汤蹈火", "落井下石", "过河拆桥", "破釜沉舟", "石沉大海", "沉鱼落雁", "火冒三丈", "心急火燎", "淹没在人海", "人山人海",
          "打官司", "腿都跑断", "跑断腿", "跑断了腿", "腿跑断", "打水漂", "玩滑水", "滑水运动", "滑水板", "滑水道")
