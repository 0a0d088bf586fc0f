package org.reportremove.cases.boundary;

import org.reportremove.cases.control.Submission;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Concern;
import org.reportremove.cases.entity.Consent;
import org.reportremove.cases.entity.ContactMethod;
import org.reportremove.cases.entity.ContentType;
import org.reportremove.cases.entity.ItemDraft;
import org.reportremove.cases.entity.Language;
import org.reportremove.cases.entity.Location;
import org.reportremove.cases.entity.LocationKind;
import org.reportremove.cases.entity.Platform;
import org.reportremove.cases.entity.WebAddress;
import org.reportremove.platform.validation.FieldError;
import org.reportremove.platform.validation.InvalidFields;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of a case submission that Bean Validation cannot express (sizes, signals, URLs, image data). Every
 * broken rule is collected and reported at once, each against its JSON path, never repeating the value; nothing
 * is stored unless all pass.
 */
public final class CaseRules {

    static final int MAX_SIGNALS_PER_ITEM = 10;
    public static final int MAX_LOCATIONS = 20;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_NOTES_LENGTH = 2000;

    private static final String IMAGE_DATA = "must not hold image data: this service accepts hashes only";
    // A data: URI, or a long unbroken run of base64 mixing upper case, lower case and digits: what an image pasted
    // into a text field looks like. Notes are words, and a long URL path ("/a/b/c/...") does not mix all three.
    /** More than any deployment has: a longer list is not a list of partners. */
    static final int MAX_PARTNERS = 20;
    private static final Pattern PARTNER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern DATA_URI = Pattern.compile("(?i)data:[a-z0-9.+-]+/[a-z0-9.+-]+[;,]");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{512,}");

    /** Said when a case names nothing the analysts could look for. */
    static final String NOTHING_TO_ACT_ON = "must hold 1 to 50 items, unless the case names a place where it is"
            + " shared (a URL or a platform in locations) or says someone threatens you (THREATENED in concerns)";

    private CaseRules() {
    }

    /**
     * A young person who never had the image (made with AI, only seen on someone's screen, only threatened) can
     * still report: a place to look, or a threat, is enough without any item.
     */
    static boolean mayHoldNoItems(List<Location> locations, Set<Concern> concerns) {
        return concerns.contains(Concern.THREATENED)
                || locations.stream().anyMatch(location -> location.kind() != LocationKind.DONT_KNOW);
    }

    public static Submission check(CaseRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> otherErrors = new ArrayList<>();
        List<Location> locations = locations(request.locations(), otherErrors);
        Set<Concern> concerns = concerns(request.concerns(), otherErrors);
        List<ItemDraft> items = List.of();
        List<ItemRequest> itemRequests = request.items() == null ? List.of() : request.items();
        if (!itemRequests.isEmpty()) {
            items = items(itemRequests, "items", errors);
        } else if (!mayHoldNoItems(locations, concerns)) {
            errors.add(new FieldError("items", NOTHING_TO_ACT_ON));
        }
        errors.addAll(otherErrors);
        String notes = request.notes();
        if (notes != null) {
            if (notes.length() > MAX_NOTES_LENGTH) {
                errors.add(new FieldError("notes", "must be at most 2,000 characters"));
            } else if (looksLikeImageData(notes)) {
                errors.add(new FieldError("notes", IMAGE_DATA));
            }
            if (notes.isBlank()) {
                notes = null;
            }
        }
        Consent consent = consent(request.consent(), "consent.", errors);
        failIfAny(errors);
        return new Submission(ItemDraft.merge(items), locations, concerns, notes, consent,
                Language.of(request.language()));
    }

    /** A change of consent on its own ({@code PUT .../consent}), with the same rules as in a new case. */
    public static Consent check(ConsentRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Consent consent = consent(request, "", errors);
        failIfAny(errors);
        return consent;
    }

    /**
     * Partners are named only with follow-up, at least one of them when named at all; whether each is a helpline
     * partner of this service is the cases' rule (422 otherwise).
     */
    private static Consent consent(ConsentRequest request, String path, List<FieldError> errors) {
        List<String> partners = request.partners();
        int before = errors.size();
        if (partners != null) {
            if (!request.followUp()) {
                errors.add(new FieldError(path + "partners", "may only be given with followUp true"));
            } else if (partners.isEmpty() || partners.size() > MAX_PARTNERS) {
                errors.add(new FieldError(path + "partners", "must name 1 to " + MAX_PARTNERS + " helpline partners,"
                        + " or be left out for every helpline partner"));
            } else if (partners.stream().anyMatch(partner -> partner == null || !PARTNER.matcher(partner).matches())) {
                errors.add(new FieldError(path + "partners", "must hold helpline partner ids"));
            }
        }
        if (errors.size() > before) {
            // Not built from what was refused (a null partner would fail it): the caller answers the errors.
            return null;
        }
        return new Consent(request.followUp(), request.contactBy() == null ? null
                : ContactMethod.valueOf(request.contactBy()), partners);
    }

    public static List<ItemDraft> check(AddItemsRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<ItemDraft> items = items(request.items(), "items", errors);
        failIfAny(errors);
        return ItemDraft.merge(items);
    }

    public static List<Location> check(AddLocationsRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.locations().isEmpty()) {
            errors.add(new FieldError("locations", "must hold 1 to 20 locations"));
        }
        List<Location> locations = locations(request.locations(), errors);
        failIfAny(errors);
        return locations;
    }

    static boolean looksLikeImageData(String text) {
        if (DATA_URI.matcher(text).find()) {
            return true;
        }
        Matcher run = BASE64_RUN.matcher(text);
        while (run.find()) {
            String found = run.group();
            if (found.chars().anyMatch(Character::isUpperCase) && found.chars().anyMatch(Character::isLowerCase)
                    && found.chars().anyMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    private static List<ItemDraft> items(List<ItemRequest> requests, String path, List<FieldError> errors) {
        List<ItemDraft> drafts = new ArrayList<>();
        if (requests.isEmpty() || requests.size() > Case.MAX_ITEMS) {
            errors.add(new FieldError(path, "must hold 1 to 50 items"));
            return drafts;
        }
        for (int i = 0; i < requests.size(); i++) {
            ItemRequest item = requests.get(i);
            String at = path + "[" + i + "]";
            if (item == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            ContentType contentType = ContentType.valueOf(item.contentType());
            Set<Signal> signals = signals(item.signals(), at + ".signals", errors);
            if (signals != null) {
                if (signals.stream().noneMatch(signal -> signal.type().exact())) {
                    errors.add(new FieldError(at + ".signals", "needs at least one " + SignalType.exactNames()
                            + " signal"));
                }
                drafts.add(new ItemDraft(contentType, signals, List.of(i)));
            }
        }
        return drafts;
    }

    /** The item's signals, duplicates merged; null when any is wrong. */
    private static Set<Signal> signals(List<SignalRequest> requests, String path, List<FieldError> errors) {
        if (requests.isEmpty() || requests.size() > MAX_SIGNALS_PER_ITEM) {
            errors.add(new FieldError(path, "must hold 1 to 10 signals"));
            return null;
        }
        Set<Signal> signals = new LinkedHashSet<>();
        boolean valid = true;
        for (int j = 0; j < requests.size(); j++) {
            SignalRequest request = requests.get(j);
            String at = path + "[" + j + "]";
            if (request == null) {
                errors.add(new FieldError(at, "is required"));
                valid = false;
                continue;
            }
            try {
                signals.add(new Signal(SignalType.named(request.type()).orElseThrow(), request.value(),
                        request.quality()));
            } catch (Signal.InvalidQualityException e) {
                errors.add(new FieldError(at + ".quality", e.getMessage()));
                valid = false;
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + ".value", e.getMessage()));
                valid = false;
            }
        }
        return valid ? signals : null;
    }

    private static List<Location> locations(List<LocationRequest> requests, List<FieldError> errors) {
        List<Location> locations = new ArrayList<>();
        if (requests == null) {
            return locations;
        }
        if (requests.size() > MAX_LOCATIONS) {
            errors.add(new FieldError("locations", "must hold at most 20 locations"));
            return locations;
        }
        for (int i = 0; i < requests.size(); i++) {
            LocationRequest request = requests.get(i);
            String at = "locations[" + i + "]";
            if (request == null) {
                errors.add(new FieldError(at, "is required"));
                continue;
            }
            Location location = location(request, at, errors);
            if (location != null && !locations.contains(location)) {
                locations.add(location);
            }
        }
        return locations;
    }

    private static Location location(LocationRequest request, String at, List<FieldError> errors) {
        LocationKind kind = LocationKind.valueOf(request.kind());
        int before = errors.size();
        if (kind != LocationKind.URL && request.url() != null) {
            errors.add(new FieldError(at + ".url", "is only given when kind is URL"));
        }
        if (kind != LocationKind.PLATFORM && (request.platform() != null || request.name() != null)) {
            errors.add(new FieldError(at + (request.platform() != null ? ".platform" : ".name"),
                    "is only given when kind is PLATFORM"));
        }
        switch (kind) {
            case URL -> checkUrl(request.url(), at + ".url", errors);
            case PLATFORM -> {
                if (request.platform() == null) {
                    errors.add(new FieldError(at + ".platform", "is required when kind is PLATFORM"));
                }
                if (request.name() != null && request.name().length() > MAX_NAME_LENGTH) {
                    errors.add(new FieldError(at + ".name", "must be at most 100 characters"));
                } else if (request.name() != null && looksLikeImageData(request.name())) {
                    errors.add(new FieldError(at + ".name", IMAGE_DATA));
                }
            }
            case DONT_KNOW -> {
                // Nothing more to say: the young person does not know where it is.
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return switch (kind) {
            case URL -> Location.ofUrl(request.url());
            case PLATFORM -> Location.ofPlatform(Platform.valueOf(request.platform()),
                    request.name() == null || request.name().isBlank() ? null : request.name().strip());
            case DONT_KNOW -> Location.dontKnow();
        };
    }

    private static void checkUrl(String url, String at, List<FieldError> errors) {
        if (url == null) {
            errors.add(new FieldError(at, "is required when kind is URL"));
            return;
        }
        if (url.length() > WebAddress.MAX_LENGTH) {
            errors.add(new FieldError(at, "must be at most 2,048 characters"));
            return;
        }
        if (looksLikeImageData(url)) {
            errors.add(new FieldError(at, IMAGE_DATA));
            return;
        }
        try {
            new WebAddress(url);
        } catch (WebAddress.InvalidWebAddress e) {
            errors.add(new FieldError(at, e.getMessage()));
        }
    }

    private static Set<Concern> concerns(List<String> requests, List<FieldError> errors) {
        Set<Concern> concerns = EnumSet.noneOf(Concern.class);
        if (requests == null) {
            return concerns;
        }
        String allowed = Arrays.stream(Concern.values()).map(Enum::name).collect(Collectors.joining(", "));
        for (int i = 0; i < requests.size(); i++) {
            String value = requests.get(i);
            try {
                concerns.add(Concern.valueOf(String.valueOf(value)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("concerns[" + i + "]", "must be one of " + allowed));
            }
        }
        return concerns;
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
    }
}
