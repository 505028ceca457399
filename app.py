"""Entry point: ``python app.py`` serves on HOST:PORT; gunicorn uses ``app:app``."""
from bot import create_app

app = create_app()

if __name__ == "__main__":
    config = app.config["BOT"]
    app.run(host=config.HOST, port=config.PORT)
