package dev.uniwizard.mesh.cli.keys;

import dev.uniwizard.mesh.core.trust.NodeRole;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --role gateway|router|house|service}, with mesh-core's message for anything else. */
final class RoleConverter implements ITypeConverter<NodeRole> {

    @Override
    public NodeRole convert(String value) {
        try {
            return NodeRole.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
