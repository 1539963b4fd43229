"""The WeChat Official Account (公众号) channel: /wechat and the customer-service sender."""

from __future__ import annotations

from aiohttp import web

from bot.background import while_app_runs
from bot.channels.wechat.api import Gateway, WeChatApi
from bot.channels.wechat.customer_service import CustomerService
from bot.channels.wechat.endpoint import Endpoint
from bot.channels.wechat.safe_mode import SafeMode
from bot.runtime import Runtime

__all__ = ["WECHAT", "Endpoint", "setup"]

WECHAT = web.AppKey("wechat", Endpoint)


def setup(app: web.Application, runtime: Runtime) -> None:
    settings = runtime.settings
    if settings.wechat_token is None:
        return
    token = settings.wechat_token.get_secret_value()
    safe_mode = None
    if settings.wechat_aes_key is not None:
        if not settings.wechat_appid:
            raise ValueError("JIFEN_WECHAT_AES_KEY (safe mode) needs JIFEN_WECHAT_APPID")
        safe_mode = SafeMode(
            token, settings.wechat_aes_key.get_secret_value(), settings.wechat_appid
        )
    endpoint = Endpoint(runtime, token, safe_mode, settings.wechat_passive_deadline)
    app[WECHAT] = endpoint
    app.router.add_get("/wechat", endpoint.verify_url)
    app.router.add_post("/wechat", endpoint.receive)
    app.on_shutdown.append(lambda _app: endpoint.settle())
    app.cleanup_ctx.append(while_app_runs(lambda _app: endpoint.inbox.sweep_forever()))
    if settings.wechat_appid and settings.wechat_secret is not None:
        api = WeChatApi(
            settings.wechat_api_base,
            settings.wechat_appid,
            settings.wechat_secret.get_secret_value(),
        )
        runtime.senders["wechat"] = CustomerService(
            Gateway(api, runtime.db, runtime.clock),
            runtime.db,
            runtime.clock,
            settings.wechat_subscribe_template_id,
        )

        async def close(_app: web.Application) -> None:
            api.close()

        app.on_cleanup.append(close)
