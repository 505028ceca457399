"""What the office does with a message beyond answering it: alerts to the duty staff (more to move here)."""
