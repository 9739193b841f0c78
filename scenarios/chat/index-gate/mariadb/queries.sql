-- The chat pack's five hot-path queries, for `syngen index-gate --pack chat` on MariaDB.
-- The same questions and parameters as ../postgres/queries.sql (conversation 7, user 7); MariaDB
-- has no LATERAL, so the last message per conversation is a correlated MAX.

-- name: message_history
-- The newest 50 messages of a conversation, as its screen opens.
SELECT message_id, sender_id, sent_at, kind, length_chars
FROM messages
WHERE conversation_id = 7
ORDER BY sent_at DESC
LIMIT 50;

-- name: conversation_list
-- A user's conversations, most recently joined first (the app keeps the conversations' details
-- in its cache, so the hot path reads the memberships only).
SELECT conversation_id, joined_at
FROM conversation_members
WHERE user_id = 7
ORDER BY joined_at DESC
LIMIT 20;

-- name: unread_count
-- How many messages in a user's conversations, sent by others, the user has not read.
SELECT count(*)
FROM conversation_members cm
JOIN messages m ON m.conversation_id = cm.conversation_id
WHERE cm.user_id = 7
  AND m.sender_id <> 7
  AND NOT EXISTS (
    SELECT 1 FROM read_receipts r WHERE r.message_id = m.message_id AND r.reader_id = 7);

-- name: last_message_per_conversation
-- The last message of each of a user's conversations, newest first (the inbox preview).
SELECT cm.conversation_id, m.message_id, m.sender_id, m.sent_at
FROM conversation_members cm
JOIN messages m ON m.conversation_id = cm.conversation_id
WHERE cm.user_id = 7
  AND m.sent_at = (
    SELECT max(m2.sent_at) FROM messages m2 WHERE m2.conversation_id = cm.conversation_id)
ORDER BY m.sent_at DESC;

-- name: search_by_sender
-- The newest 50 messages a user sent, in any conversation.
SELECT message_id, conversation_id, sent_at, kind
FROM messages
WHERE sender_id = 7
ORDER BY sent_at DESC
LIMIT 50;
