"""The workspace's tabs: quotes, work, and the timelines (variations, history, notices)."""
