-- Rows waiting to be linked into the chain are found through these partial indexes: they hold only the unlinked
-- rows (a handful at any time), so a linking pass does not scan the whole table.
CREATE INDEX messages_unlinked ON messages (seq) WHERE chain_seq IS NULL;
CREATE INDEX project_memory_unlinked ON project_memory (id) WHERE chain_seq IS NULL;
CREATE INDEX project_memory_changes_unlinked ON project_memory_changes (id) WHERE chain_seq IS NULL;
CREATE INDEX conversation_summaries_unlinked ON conversation_summaries (id) WHERE chain_seq IS NULL;
