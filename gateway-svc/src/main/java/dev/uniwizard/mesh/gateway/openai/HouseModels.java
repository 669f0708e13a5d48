package dev.uniwizard.mesh.gateway.openai;

import dev.uniwizard.mesh.core.subjects.Subjects;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The houses the OpenAI-compatible API offers as models ({@code gateway.openai.houses}): a client picks the house
 * that answers by naming it as the {@code model}. A malformed entry stops the start with a message naming it.
 */
@Singleton
public class HouseModels {

    private final Set<String> houses = new LinkedHashSet<>();

    @Inject
    public HouseModels(OpenAiConfig config) {
        this(config.houses());
    }

    public HouseModels(List<String> configured) {
        for (String entry : configured) {
            String house = entry.strip().toLowerCase(Locale.ROOT);
            if (!Subjects.isToken(house)) {
                throw new IllegalArgumentException("gateway.openai.houses entry '" + entry
                        + "' is not a house name (lower-case letters, digits, '_' or '-')");
            }
            houses.add(house);
        }
        if (houses.isEmpty()) {
            throw new IllegalArgumentException("gateway.openai.houses must name at least one house");
        }
    }

    public List<String> all() {
        return List.copyOf(houses);
    }

    /** The house {@code model} names (case does not matter), or a 404 {@code model_not_found} listing the houses. */
    public String house(String model) {
        String house = model.strip().toLowerCase(Locale.ROOT);
        if (!houses.contains(house)) {
            throw new OpenAiException(
                    404,
                    OpenAiException.INVALID_REQUEST,
                    "model_not_found",
                    "model",
                    "The model '" + model + "' does not exist here: the models are the mesh's houses, "
                            + String.join(", ", houses) + ".");
        }
        return house;
    }
}
