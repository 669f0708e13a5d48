/** Rules for heartbeats ({@code <root>.health.<service>}) shared by every service that watches them. */
package dev.uniwizard.mesh.core.health;
