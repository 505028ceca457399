"""WeChat's side of the bot: the /wechat webhook, signatures and encryption, the message XML, replayed pushes,
the inbox (each push answered exactly once), the server API with its shared access token, the outbox (messages
sent through the customer-service API), the custom menu and subscription notifications."""
