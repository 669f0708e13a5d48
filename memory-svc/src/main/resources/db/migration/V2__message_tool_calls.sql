-- The tool calls a message carries, as a JSON array of {callId, tool, arguments, outcome}: the calls an assistant
-- message made, or the one call a tool message answers. Empty for every other message, and for those stored before.

ALTER TABLE messages ADD COLUMN tool_calls jsonb NOT NULL DEFAULT '[]';

COMMENT ON COLUMN messages.tool_calls IS
    'Tool calls of the message: those an assistant message made, or the one call a tool message answers';
