"""WeChat's side of the bot: the /wechat webhook, signatures and encryption, the message XML, replayed pushes,
the server API with its shared access token, and subscription notifications."""
