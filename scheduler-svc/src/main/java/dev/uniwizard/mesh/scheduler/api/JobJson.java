package dev.uniwizard.mesh.scheduler.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads job and schedule bodies strictly, so that a typo is refused instead of quietly ignored: a field the job does
 * not have ({@code "crn"}) is a 400 {@code unknown_field} naming it and the fields that exist; text that is not JSON
 * a 400 {@code invalid_json} with line and column; a value of the wrong type a 400 naming the field.
 */
final class JobJson {

    static final String JOB_EXAMPLE = "{\"name\": \"daily-report\", \"schedule\": {\"cron\": \"0 9 * * MON-FRI\","
            + " \"zone\": \"Europe/Berlin\"}, \"target\": {\"house\": \"ezra\", \"prompt\": \"...\"}}";
    static final String SCHEDULE_EXAMPLE = "{\"cron\": \"0 9 * * MON-FRI\", \"zone\": \"Europe/Berlin\"}";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JobJson() {}

    static JobSpec spec(String body) {
        return read(body, JobSpec.class, "a job like " + JOB_EXAMPLE);
    }

    static JobSchedule schedule(String body) {
        return read(body, JobSchedule.class, "a schedule like " + SCHEDULE_EXAMPLE);
    }

    private static <T> T read(String body, Class<T> type, String expected) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(ApiException.INVALID_JSON, "the request needs a JSON body: " + expected);
        }
        T value;
        try {
            value = STRICT.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw ApiException.badRequest(
                    ApiException.UNKNOWN_FIELD,
                    "unknown field '" + field + "'; known here: " + known(e.getKnownPropertyIds()),
                    field);
        } catch (JsonMappingException e) {
            String field = path(e);
            throw ApiException.badRequest(
                    ApiException.INVALID_JSON,
                    (field.isEmpty() ? "the body does not fit " + expected : "field '" + field + "' has the wrong type")
                            + where(e) + ": " + firstLine(e),
                    field.isEmpty() ? null : field);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(
                    ApiException.INVALID_JSON, "the body is not valid JSON" + where(e) + ": " + firstLine(e));
        }
        if (value == null) {
            throw ApiException.badRequest(ApiException.INVALID_JSON, "the body is null; it must be " + expected);
        }
        return value;
    }

    /** The JSON path of the failure, e.g. {@code schedule.event.match}; empty for the body itself. */
    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String known(Collection<Object> names) {
        if (names == null || names.isEmpty()) {
            return "none";
        }
        return names.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0
                ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("");
    }
}
