-- The chat pack's composite indexes for MariaDB. MariaDB has no CREATE INDEX CONCURRENTLY; its
-- online build is ALGORITHM=INPLACE LOCK=NONE (InnoDB keeps accepting writes while it builds,
-- and the statement fails rather than block them). No INCLUDE columns: InnoDB secondary indexes
-- carry the primary key, and the covering columns go into the key instead.

-- message_history, unread_count (join), last_message_per_conversation: newest first per conversation.
CREATE INDEX messages_conversation_sent_idx
  ON messages (conversation_id, sent_at DESC, message_id, sender_id) ALGORITHM=INPLACE LOCK=NONE;

-- search_by_sender: newest first per sender.
CREATE INDEX messages_sender_sent_idx
  ON messages (sender_id, sent_at DESC) ALGORITHM=INPLACE LOCK=NONE;

-- conversation_list (ordered, covering), unread_count, last_message_per_conversation: a user's
-- memberships.
CREATE INDEX conversation_members_user_joined_idx
  ON conversation_members (user_id, joined_at DESC, conversation_id) ALGORITHM=INPLACE LOCK=NONE;

-- unread_count: has this reader read this message?
CREATE INDEX read_receipts_message_reader_idx
  ON read_receipts (message_id, reader_id) ALGORITHM=INPLACE LOCK=NONE;
