"""Speed and memory of the engine on synthetic knowledge bases of 100, 1,000 and 10,000 FAQs.

    python bench/speed.py                      # sizes 100 1000 10000, 300 questions each
    python bench/speed.py --sizes 100 1000 --questions 200

FAQs are generated from maritime topic words and question templates; every generated FAQ also names a
place (real 长江 place names first, then made-up ones), so the vocabulary grows with the size of the
knowledge base as it does in a real one. Nothing is asserted: the script prints a table.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bot.matching import Engine  # noqa: E402
from bot.kb.loader import load_knowledge  # noqa: E402

DAY = dt.date(2026, 11, 26)
FAQS_PER_FILE = 100

SUBJECTS = [
    "适任证书", "船员服务簿", "海员证", "健康证书", "培训合格证", "国籍证书", "最低安全配员证书", "危险货物适装证书",
    "船舶检验证书", "油类记录簿", "垃圾记录簿", "进出港报告", "水上水下活动许可证", "航行通告", "所有权登记证书",
    "抵押权登记", "光船租赁登记", "船名核准", "船舶识别号", "载重线证书", "防止油污证书", "海事声明", "事故报告",
    "污染物接收单证", "船舶电台执照", "安全管理证书", "符合证明", "特殊培训合格证", "船员电子证照", "航海日志",
]
QUALIFIERS = [
    "海船", "内河船", "客船", "油船", "化学品船", "散货船", "集装箱船", "拖轮", "渡船", "游艇", "小型船舶", "趸船",
    "砂石船", "液化气船", "工程船", "船长", "大副", "二副", "三副", "轮机长", "大管轮", "值班水手", "值班机工",
    "电子电气员", "实习生", "船公司", "船舶代理",
]
ACTIONS = [
    "申请", "换发", "补办", "注销", "变更", "再有效", "查询", "核验", "签注", "备案", "撤销", "打印", "延期", "办理",
]
SITUATIONS = ["遗失", "破损", "快到期", "已经过期", "信息有误", "被扣留", "记满分", "人在国外", "人在船上", "改名"]
PLACES = [
    "镇江", "扬中", "大港", "高资", "龙门", "谏壁", "仪征", "南京", "江阴", "张家港", "南通", "太仓", "常州", "泰州",
    "扬州", "芜湖", "安庆", "九江", "武汉", "岳阳", "宜昌", "重庆", "焦山水道", "丹徒直水道", "口岸直水道",
    "太平洲捷水道", "仪征水道", "六圩河口", "定易洲锚地", "苏南运河",
]
PLACE_CHARS = "丰安宝滨昌丹德东福港高光海和河华江金京荆镜康澜乐临龙鹿茂梅明南宁平浦齐青庆泉瑞沙山石顺泰潭桃天通湾万溪霞祥新兴阳宜永余渔悦云樟镇洲珠"
PLACE_SUFFIXES = ["港", "水道", "锚地", "码头", "船闸", "海事处", "渡口", "作业区"]
TEMPLATES = [
    "{qual}{subj}{sit}了怎么{act}？",
    "在{place}怎么{act}{qual}{subj}？",
    "{place}的{subj}{act}需要哪些材料？",
    "{qual}{subj}{act}要多长时间？",
    "{place}海事处能不能{act}{subj}？",
    "{subj}{sit}，{qual}还能不能{act}？",
    "{qual}在{place}{act}{subj}收费吗？",
    "{subj}{act}的条件是什么（{qual}）？",
]
OUT_OF_SCOPE = [
    "今天镇江天气怎么样", "过闸费怎么交", "渔船证怎么办", "你们招聘公务员吗", "船员工资一个月多少",
    "驾照科目一怎么预约", "附近有什么好吃的", "快递到哪里了", "社保怎么交", "高铁票怎么退",
]
FILLERS = ["", "", "请问", "你好，", "麻烦问一下 "]


def place_names(rng: random.Random, count: int) -> list:
    """Real place names first, then made-up ones, so that bigger knowledge bases bring new words."""
    names = list(PLACES)
    seen = set(names)
    while len(names) < count:
        name = "".join(rng.sample(PLACE_CHARS, 2)) + rng.choice(PLACE_SUFFIXES)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names[:count]


def synthesise(size: int, seed: int = 7) -> list:
    """``size`` distinct FAQ dicts in the knowledge file format."""
    rng = random.Random(seed)
    places = place_names(rng, max(len(PLACES), size // 4))
    faqs, questions = [], set()
    while len(faqs) < size:
        slots = {
            "subj": rng.choice(SUBJECTS), "qual": rng.choice(QUALIFIERS), "act": rng.choice(ACTIONS),
            "sit": rng.choice(SITUATIONS), "place": places[len(faqs) % len(places)],
        }
        templates = rng.sample(TEMPLATES, 3)
        question = templates[0].format(**slots)
        if question in questions:
            continue
        questions.add(question)
        n = len(faqs) + 1
        faq = {
            "id": f"gen-{n:05d}",
            "question": question,
            "alternates": [t.format(**slots) for t in templates[1:]],
            "keywords": [slots["subj"], slots["act"], slots["place"]],
            "answer": (
                f"{slots['qual']}{slots['act']}{slots['subj']}，请向{slots['place']}海事处提交申请表、身份证明和"
                f"{slots['subj']}原件，材料齐全的一般{rng.randint(1, 20)}个工作日内办结。{slots['sit']}的，"
                f"另需提交书面说明。咨询电话400-80-12395。"
            ),
        }
        if n % 50 == 0:  # a few dated notices, half of them expired on DAY
            start = DAY - dt.timedelta(days=rng.randint(0, 200))
            faq["valid_from"] = start.isoformat()
            faq["valid_until"] = (start + dt.timedelta(days=rng.randint(30, 300))).isoformat()
        faqs.append(faq)
    return faqs


def write_kb(directory: Path, faqs: list) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(faqs), FAQS_PER_FILE):
        chunk = faqs[start:start + FAQS_PER_FILE]
        data = {"category": f"{chunk[0]['keywords'][0]}等（第{start // FAQS_PER_FILE + 1}组）", "faqs": chunk}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        (directory / f"{start // FAQS_PER_FILE + 1:03d}-generated.yaml").write_text(text, encoding="utf-8")
    return directory


def sample_questions(faqs: list, count: int, seed: int = 11) -> list:
    """What users would ask: reworded or trimmed FAQ questions, bare topics, and out-of-scope questions."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        faq = rng.choice(faqs)
        kind = n % 5
        if kind in (0, 1):
            text = rng.choice([faq["question"], *faq["alternates"]])
            cut = rng.randrange(len(text))
            text = text[:cut] + text[cut + 1:]  # one character lost
        elif kind == 2:
            text = f"{faq['keywords'][2]} {faq['keywords'][0]}{faq['keywords'][1]}咋弄"
        elif kind == 3:
            text = faq["keywords"][0]
        else:
            text = rng.choice(OUT_OF_SCOPE)
        out.append(rng.choice(FILLERS) + text)
    return out


def percentile(values: list, q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


MAXRSS_SCRIPT = """
import resource, sys, time
sys.path.insert(0, {root!r})
from bot.matching import Engine
from bot.kb.loader import load_knowledge
engine = Engine(load_knowledge({kb!r}))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def maxrss_mb(kb_dir: Path) -> float:
    """Peak resident memory of a fresh process that loads the knowledge base and builds the engine."""
    proc = subprocess.run(
        [sys.executable, "-c", MAXRSS_SCRIPT.format(root=str(ROOT), kb=str(kb_dir))],
        capture_output=True, text=True, timeout=1800, check=True,
        env={**os.environ, "TMPDIR": tempfile.gettempdir()},  # the token cache measure() warmed
    )
    return int(proc.stdout.strip().splitlines()[-1]) / 1024  # Linux reports KiB


def traced_peak_mb(kb_dir: Path) -> float:
    """tracemalloc peak of Python allocations while loading the knowledge base and building the engine."""
    tracemalloc.start()
    try:
        engine = Engine(load_knowledge(kb_dir))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del engine
    return peak / 2**20


def measure(size: int, n_questions: int, workdir: Path) -> dict:
    faqs = synthesise(size)
    kb_dir = write_kb(workdir / f"kb-{size}", faqs)
    started = time.perf_counter()
    kb = load_knowledge(kb_dir)
    loaded = time.perf_counter()
    engine = Engine(kb)  # first start: the token cache (bot/matching/memo.py) is empty
    built = time.perf_counter()
    del engine, kb
    again = time.perf_counter()
    engine = Engine(load_knowledge(kb_dir))  # a restart or reload: the token cache is warm
    restart = time.perf_counter() - again
    questions = sample_questions(faqs, n_questions)
    times, actions = [], {}
    for q in questions:
        t0 = time.perf_counter()
        d = engine.decide(q, DAY)
        times.append(1000 * (time.perf_counter() - t0))
        actions[d.action] = actions.get(d.action, 0) + 1
    return {
        "size": size,
        "files": len(engine.kb.files),
        "vocabulary": len({w for f in faqs for w in f["keywords"]}),
        "load_s": loaded - started,
        "build_s": built - loaded,
        "restart_s": restart,
        "p50_ms": statistics.median(times),
        "p99_ms": percentile(times, 0.99),
        "max_ms": max(times),
        "questions": len(questions),
        "actions": actions,
        "maxrss_mb": maxrss_mb(kb_dir),
        "kb_dir": kb_dir,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--questions", type=int, default=300, help="questions timed per size (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = parser.parse_args(argv)

    # Warm up: jieba builds its dictionary cache on first use; start-up below is measured with it warm.
    Engine(load_knowledge(ROOT / "tests" / "fixtures" / "engine_kb"))

    with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
        # A temp folder of our own, so the first start of each size finds the token cache empty.
        tempfile.tempdir = tmp
        results = [measure(size, args.questions, Path(tmp)) for size in args.sizes]
        largest = results[-1]
        largest["traced_peak_mb"] = traced_peak_mb(largest["kb_dir"])
        for r in results:
            r["kb_dir"] = str(r["kb_dir"])

    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    header = ("FAQs", "files", "distinct keywords", "load s", "build s", "first start s", "restart s", "p50 ms",
              "p99 ms", "max ms", "maxrss MB", "traced peak MB")
    rows = [header]
    for r in results:
        rows.append((
            f"{r['size']:,}", r["files"], r["vocabulary"], f"{r['load_s']:.2f}", f"{r['build_s']:.2f}",
            f"{r['load_s'] + r['build_s']:.2f}", f"{r['restart_s']:.2f}", f"{r['p50_ms']:.1f}", f"{r['p99_ms']:.1f}", f"{r['max_ms']:.1f}",
            f"{r['maxrss_mb']:.0f}", f"{r['traced_peak_mb']:.0f}" if "traced_peak_mb" in r else "",
        ))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths)))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print(f"{args.questions} questions per size, as of {DAY}; decisions at the largest size: {results[-1]['actions']}")
    print("first start = load_knowledge + Engine() with jieba's cache warm and the token cache empty; restart = the")
    print("same with the token cache warm (a restart or reload). maxrss: peak RSS of a fresh process that loads")
    print("the knowledge base and builds the engine (includes Python, jieba's dictionary and every import).")
    print("traced peak: tracemalloc peak of Python allocations during load + build, largest size only.")


if __name__ == "__main__":
    main()
