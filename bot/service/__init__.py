"""What the office does with a message: the conversation (state, handoffs, the log), the human queue, staff
accounts, the dashboard's figures, alerts to the duty staff, navigation notices, feedback and FAQ drafts.
Framework-free: the webhook, the staff pages and the CLI are thin layers over these modules."""
