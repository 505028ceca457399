# One app host of the production shape (see docker-compose.yml and README "Several hosts"): the bot under
# gunicorn, its database a PostgreSQL server named by BOT_DATABASE. The bundled knowledge/ is the fallback
# until a version is published (python -m bot kb publish); published versions come from the database.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY requirements.txt ./
# psycopg 3 and its pool are what BOT_DATABASE=postgresql://… needs (listed here too in case requirements.txt
# is trimmed to the SQLite set).
RUN pip install --no-cache-dir -r requirements.txt "psycopg[binary]>=3.1,<4" "psycopg-pool>=3.2,<4"

COPY app.py ./
COPY bot ./bot
COPY knowledge ./knowledge

RUN useradd --system --home-dir /app --shell /usr/sbin/nologin bot && mkdir -p /app/instance && chown bot /app/instance
USER bot

EXPOSE 8000
# Two worker processes per host; each reports itself on the staff page 知识库版本 as hostname:pid. No --preload:
# every worker builds its own app (the background threads start in the worker that runs them).
CMD ["gunicorn", "--workers", "2", "--bind", "0.0.0.0:8000", "--graceful-timeout", "30", "--access-logfile", "-", "app:app"]
