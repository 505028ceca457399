"""Entry point: ``python app.py`` serves on HOST:PORT; gunicorn uses ``app:app``."""
import logging

from bot import create_app

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

app = create_app()

_gaps = app.config["BOT"].production_gaps()
if _gaps:
    logging.getLogger("bot").warning("生产环境还需设置：%s（本地试用可忽略）", "；".join(_gaps))

if __name__ == "__main__":
    config = app.config["BOT"]
    app.run(host=config.HOST, port=config.PORT)
