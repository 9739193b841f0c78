-- Composite indexes for the chat pack's hot paths, built online: CONCURRENTLY does not block
-- writes, cannot run inside a transaction, so the gate runs each statement on its own.
-- No schema names: the gate works in the target's schema.

-- message_history, unread_count (join), last_message_per_conversation: newest first per conversation.
CREATE INDEX CONCURRENTLY IF NOT EXISTS messages_conversation_sent_idx
  ON messages (conversation_id, sent_at DESC) INCLUDE (message_id, sender_id);

-- search_by_sender: newest first per sender.
CREATE INDEX CONCURRENTLY IF NOT EXISTS messages_sender_sent_idx
  ON messages (sender_id, sent_at DESC);

-- conversation_list (ordered, covering), unread_count, last_message_per_conversation: a user's
-- memberships.
CREATE INDEX CONCURRENTLY IF NOT EXISTS conversation_members_user_joined_idx
  ON conversation_members (user_id, joined_at DESC) INCLUDE (conversation_id);

-- unread_count: has this reader read this message?
CREATE INDEX CONCURRENTLY IF NOT EXISTS read_receipts_message_reader_idx
  ON read_receipts (message_id, reader_id);
