/**
 * Contracts of memory-svc beyond storing and reading conversations: full-text search, project memory (the Hermes v2
 * {@code project_memory} entries), memory markers for prompts, and the report of the tamper-evident chain. Requests go
 * to {@code <root>.memory.<op>} (see {@link dev.uniwizard.mesh.core.subjects.Subjects}); the HTTP API answers with the
 * same records.
 */
package dev.uniwizard.mesh.core.memory;
