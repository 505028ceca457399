"""Entry point: ``python app.py`` serves on HOST:PORT over plain http; gunicorn uses ``app:app``."""
import logging
import os

from bot import create_app

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

if __name__ == "__main__" and not os.environ.get("BOT_INSECURE_COOKIES"):
    # The development server speaks plain http, and browsers never send a Secure cookie back over http.
    os.environ["BOT_INSECURE_COOKIES"] = "1"
    logging.getLogger("bot").info("本地开发服务器（http）：登录 Cookie 不带 Secure 标志（BOT_INSECURE_COOKIES=1）；"
                                  "生产环境请用 gunicorn，经 HTTPS 访问")

app = create_app()

_gaps = app.config["BOT"].production_gaps()
if _gaps:
    logging.getLogger("bot").warning("生产环境还需设置：%s（本地试用可忽略）", "；".join(_gaps))

if __name__ == "__main__":
    config = app.config["BOT"]
    app.run(host=config.HOST, port=config.PORT)
