# The jifen-bot service image. Migrations are an explicit step: `docker compose run migrate`.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN useradd --create-home --uid 10001 jifen
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY scoring ./scoring
COPY faq ./faq
RUN pip install .

USER jifen
WORKDIR /home/jifen
ENV JIFEN_HOST=0.0.0.0 JIFEN_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4).status != 200)"
CMD ["jifen", "serve"]
