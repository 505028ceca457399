"""Feedback on the staff pages: users rate answers through signed webhook pushes, and the dashboard shows helpfulness
per FAQ (least helpful first) and lists the questions answered but called 没用 with the unanswered ones."""
import re

from admin_support import app, db, staff_client  # noqa: F401  (fixtures)
from webhook_support import WeChatServer, text_xml

LOST = "船员证书丢失了怎么补办"
RENEW = "海船船员适任证书到期了怎么再有效"


def rate(app, user, question, word):
    """A user asks (a signed plain push, as the staff app's account takes them) and replies ``word``."""
    wechat, client = WeChatServer(aes_key=None), app.test_client()
    for text in (question, word):
        response = wechat.post(client, text_xml(user, text))
        assert response.status_code == 200
    return wechat.read(response.data)["Content"]


def test_dashboard_shows_helpfulness_least_helpful_first_and_the_unhelpful_questions(app, staff_client):
    for user, question, word in (("u1", LOST, "没用"), ("u2", LOST, "没用"), ("u3", LOST, "有用"),
                                 ("u4", RENEW, "有用"), ("u5", RENEW, "有用"), ("u6", RENEW, "没用")):
        rate(app, user, question, word)
    html = staff_client.get("/admin/dashboard").get_data(as_text=True)
    card = html[html.index('id="helpfulness"'):]
    card = card[:card.index("</section>")]
    assert "用户评价 6 条，其中有用 50%" in card
    assert re.findall(r'data-faq="([^"]+)"', card) == ["cert-lost", "cert-renew"]
    row = card[card.index('data-faq="cert-lost"'):card.index('data-faq="cert-renew"')]
    assert LOST in row and re.findall(r'<td class="num">([^<]+)</td>', row) == ["1", "2", "33%"]
    assert 'href="/admin/log?faq=cert-lost"' in row

    unanswered = html[html.index("没能回答或回答没用的问题"):html.index('id="helpfulness"')]
    assert f"已按“{LOST}”回答，用户说没用" in unanswered
    assert f"已按“{RENEW}”回答，用户说没用" in unanswered
    assert unanswered.index(f"已按“{LOST}”") < unanswered.index(f"已按“{RENEW}”")  # 2 before 1


def test_the_log_names_the_ratings(app, staff_client):
    rate(app, "u1", LOST, "没用")
    html = staff_client.get("/admin/log?action=feedback").get_data(as_text=True)
    assert "共 1 条" in html and '<span class="act act-feedback">评价回答</span>' in html
    assert '<td class="msg-cell" data-label="用户消息">没用</td>' in html and 'href="/admin/log?faq=cert-lost"' in html


def test_no_ratings_yet(staff_client):
    html = staff_client.get("/admin/dashboard").get_data(as_text=True)
    assert "这段时间还没有用户评价回答。" in html and "用户评价 0 条" in html
