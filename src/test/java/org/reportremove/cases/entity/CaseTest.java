package org.reportremove.cases.entity;

import org.junit.jupiter.api.Test;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseTest {

    private static final Predicate<ItemDraft> NOTHING_KNOWN = draft -> false;
    private static final Predicate<ItemDraft> ALL_KNOWN = draft -> true;
    private static final Comparator<Signal> STABLE = Comparator.comparing(Signal::type).thenComparing(Signal::value);

    /** What an item is, as a value to compare whole. */
    private record Shape(int number, ContentType contentType, List<Signal> signals, boolean alreadyKnown) {

        static Shape of(Item item) {
            return new Shape(item.number(), item.contentType(), item.signals(), item.alreadyKnown());
        }
    }

    @Test
    void submittedCaseHoldsWhatTheYoungPersonSentUnderTwoUnrelatedReferences() {
        AccountId account = AccountId.generate();
        Case.SealedDetails details = new Case.SealedDetails(new byte[]{1, 2}, new byte[]{3}, new byte[]{(byte) 0xff});
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

        Case submitted = Case.submit("case-1", account, Language.CY, EnumSet.of(Concern.THREATENED, Concern.AT_RISK),
                new Consent(true, null, null), details, List.of(draft(ContentType.VIDEO, sha(new Random(1)))), NOTHING_KNOWN);

        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC);
        assertAll(
                () -> assertEquals("case-1", submitted.id()),
                () -> assertEquals(CaseStatus.SUBMITTED, submitted.status()),
                () -> assertTrue(submitted.open()),
                () -> assertTrue(submitted.reference().value().startsWith("RR-")),
                () -> assertTrue(submitted.analystReference().value().startsWith("AR-")),
                () -> assertFalse(submitted.analystReference().value().contains(
                        submitted.reference().value().substring(3))),
                () -> assertEquals(account, submitted.accountId()),
                () -> assertEquals(Language.CY, submitted.language()),
                () -> assertEquals(EnumSet.of(Concern.THREATENED, Concern.AT_RISK), submitted.concerns()),
                () -> assertTrue(submitted.followUpConsented()),
                () -> assertEquals(Set.of(Consent.EVERY_PARTNER), submitted.consentedPartners()),
                () -> assertArrayEquals(new byte[]{1, 2}, submitted.sealedDetails().notes()),
                () -> assertArrayEquals(new byte[]{3}, submitted.sealedDetails().locations()),
                () -> assertArrayEquals(new byte[]{(byte) 0xff}, submitted.sealedDetails().consent()),
                () -> assertFalse(submitted.submittedAt().isBefore(before)),
                () -> assertFalse(submitted.submittedAt().isAfter(after)),
                () -> assertNull(submitted.withdrawnAt()),
                () -> assertEquals(1, submitted.items().size()));
    }

    @Test
    void everyCaseGetsReferencesOfItsOwn() {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Case submitted = submit(List.of(draft(ContentType.PHOTO, sha(new Random(i)))), NOTHING_KNOWN);
            assertTrue(references.add(submitted.reference().value()));
            assertTrue(references.add(submitted.analystReference().value()));
            assertTrue(references.add(submitted.items().get(0).itemReference().value()));
        }
    }

    @Test
    void itemsAreNumberedFromOneInTheOrderSentWithTheirOwnReferences() {
        Random random = new Random(7);
        List<ItemDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            drafts.add(draft(i % 2 == 0 ? ContentType.PHOTO : ContentType.VIDEO, sha(random), md5(random)));
        }
        Set<ItemDraft> known = Set.of(drafts.get(1), drafts.get(4));

        Case submitted = submit(drafts, known::contains);

        List<Shape> expected = IntStream.range(0, 6).mapToObj(i -> new Shape(i + 1, drafts.get(i).contentType(),
                sorted(drafts.get(i).signals()), known.contains(drafts.get(i)))).toList();
        assertEquals(expected, submitted.items().stream().map(Shape::of).toList());
        Set<String> itemReferences = new HashSet<>();
        submitted.items().forEach(item -> assertTrue(itemReferences.add(item.itemReference().value())));
        itemReferences.forEach(reference -> assertTrue(reference.startsWith("AI-")));
        assertFalse(itemReferences.contains(submitted.analystReference().value()));
    }

    @Test
    void draftSharingAnExactSignalJoinsTheItemInsteadOfBecomingANewOne() {
        Random random = new Random(11);
        Signal sha = sha(random);
        Signal md5 = md5(random);
        Signal pdq = pdq(random);
        Case submitted = submit(List.of(draft(ContentType.PHOTO, sha)), NOTHING_KNOWN);
        Item first = submitted.items().get(0);
        String reference = first.itemReference().value();

        List<Item> touched = submitted.addItems(List.of(draft(ContentType.VIDEO, sha, md5, pdq)), ALL_KNOWN);
        List<Item> touchedAgain = submitted.addItems(List.of(draft(ContentType.PHOTO, md5)), NOTHING_KNOWN);

        assertEquals(1, touched.size());
        assertSame(submitted.items().get(0), touched.get(0));
        assertSame(submitted.items().get(0), touchedAgain.get(0));
        assertEquals(List.of(new Shape(1, ContentType.PHOTO, sorted(Set.of(sha, md5, pdq)), true)),
                submitted.items().stream().map(Shape::of).toList());
        assertEquals(reference, submitted.items().get(0).itemReference().value());
    }

    @Test
    void aSharedPerceptualSignalAloneMakesANewItem() {
        Random random = new Random(13);
        Signal pdq = pdq(random);
        Signal firstSha = sha(random);
        Signal secondSha = sha(random);
        Case submitted = submit(List.of(draft(ContentType.PHOTO, firstSha, pdq)), NOTHING_KNOWN);

        submitted.addItems(List.of(draft(ContentType.PHOTO, secondSha, pdq)), NOTHING_KNOWN);

        assertEquals(List.of(
                        new Shape(1, ContentType.PHOTO, sorted(Set.of(firstSha, pdq)), false),
                        new Shape(2, ContentType.PHOTO, sorted(Set.of(secondSha, pdq)), false)),
                submitted.items().stream().map(Shape::of).toList());
    }

    /**
     * Whatever order the drafts of some files arrive in, and however they are split between submitting and adding
     * later, each file is one item, numbered by its first appearance, with every signal sent for it, known when any
     * of its drafts was known, and of the content type its first draft said.
     */
    @Test
    void eachFileIsOneItemWhateverTheOrderAndBatchesItsDraftsArriveIn() {
        for (int seed = 0; seed < 150; seed++) {
            Random random = new Random(seed);
            int files = 1 + random.nextInt(8);
            List<Signal> shas = new ArrayList<>();
            List<ItemDraft> drafts = new ArrayList<>();
            Map<ItemDraft, Integer> fileOf = new LinkedHashMap<>();
            for (int file = 0; file < files; file++) {
                Signal sha = sha(random);
                Signal md5 = md5(random);
                Signal pdq = pdq(random);
                shas.add(sha);
                int copies = 1 + random.nextInt(3);
                for (int copy = 0; copy < copies; copy++) {
                    Set<Signal> signals = new LinkedHashSet<>(List.of(sha));
                    if (random.nextBoolean()) {
                        signals.add(md5);
                    }
                    if (random.nextBoolean()) {
                        signals.add(pdq);
                    }
                    ItemDraft draft = new ItemDraft(random.nextBoolean() ? ContentType.PHOTO : ContentType.VIDEO,
                            signals, List.of(drafts.size()));
                    drafts.add(draft);
                    fileOf.put(draft, file);
                }
            }
            Collections.shuffle(drafts, random);
            Set<ItemDraft> known = new HashSet<>();
            drafts.stream().filter(draft -> random.nextInt(4) == 0).forEach(known::add);
            int firstBatch = 1 + random.nextInt(drafts.size());

            Case submitted = submit(drafts.subList(0, firstBatch), known::contains);
            List<Item> later = submitted.addItems(drafts.subList(firstBatch, drafts.size()), known::contains);

            Map<Integer, Shape> expected = new LinkedHashMap<>();
            for (ItemDraft draft : drafts) {
                int file = fileOf.get(draft);
                Shape earlier = expected.get(file);
                Set<Signal> signals = new HashSet<>(draft.signals());
                if (earlier != null) {
                    signals.addAll(earlier.signals());
                }
                expected.put(file, new Shape(earlier == null ? expected.size() + 1 : earlier.number(),
                        earlier == null ? draft.contentType() : earlier.contentType(), sorted(signals),
                        known.contains(draft) || (earlier != null && earlier.alreadyKnown())));
            }
            String because = "seed " + seed;
            assertEquals(List.copyOf(expected.values()), submitted.items().stream().map(Shape::of).toList(),
                    because);
            assertEquals(drafts.size() - firstBatch, later.size(), because);
            for (int i = 0; i < later.size(); i++) {
                ItemDraft draft = drafts.get(firstBatch + i);
                assertEquals(expected.get(fileOf.get(draft)).number(), later.get(i).number(), because);
            }
            assertTrue(shas.stream().allMatch(sha -> submitted.items().stream()
                    .filter(item -> item.signals().contains(sha)).count() == 1), because);
        }
    }

    @Test
    void signalsComeBackByTypeThenValueWhateverOrderTheyWereSentIn() {
        for (int seed = 0; seed < 100; seed++) {
            Random random = new Random(seed);
            Signal sha = sha(random);
            List<Signal> signals = new ArrayList<>(List.of(sha, md5(random), pdq(random)));
            List<Signal> joining = new ArrayList<>(List.of(sha, md5(random), pdq(random)));
            Collections.shuffle(signals, random);
            Collections.shuffle(joining, random);
            Case submitted = submit(List.of(draft(ContentType.PHOTO, signals.toArray(Signal[]::new))), NOTHING_KNOWN);
            submitted.addItems(List.of(draft(ContentType.PHOTO, joining.toArray(Signal[]::new))), NOTHING_KNOWN);

            Set<Signal> all = new HashSet<>(signals);
            all.addAll(joining);
            List<Signal> returned = submitted.items().get(0).signals();
            assertEquals(sorted(all), returned, "seed " + seed);
            assertEquals(List.of(SignalType.SHA256, SignalType.MD5, SignalType.MD5, SignalType.PDQ, SignalType.PDQ),
                    returned.stream().map(Signal::type).toList(), "seed " + seed);
        }
    }

    @Test
    void caseTakesFiftyItemsAndRefusesMoreWithTheCount() {
        Random random = new Random(17);
        Case full = submit(distinctDrafts(random, Case.MAX_ITEMS), NOTHING_KNOWN);
        Signal sharedWithFirst = full.items().get(0).signals().get(0);

        TooManyItems refused = assertThrows(TooManyItems.class,
                () -> full.addItems(List.of(draft(ContentType.PHOTO, sha(random))), NOTHING_KNOWN));

        assertEquals(51, refused.count());
        assertEquals("a case holds at most 50 items and this would make 51: start a new case for the rest",
                refused.getMessage());
        assertEquals(50, full.items().size());
        Signal md5 = md5(random);
        full.addItems(List.of(draft(ContentType.PHOTO, sharedWithFirst, md5)), NOTHING_KNOWN);
        assertEquals(50, full.items().size());
        assertEquals(sorted(Set.of(sharedWithFirst, md5)), full.items().get(0).signals());
    }

    @Test
    void addingSeveralPastTheLimitRefusesThemAllAndCountsThem() {
        Random random = new Random(19);
        Case submitted = submit(distinctDrafts(random, 48), NOTHING_KNOWN);
        List<Shape> before = submitted.items().stream().map(Shape::of).toList();

        TooManyItems refused = assertThrows(TooManyItems.class,
                () -> submitted.addItems(distinctDrafts(random, 5), NOTHING_KNOWN));

        assertEquals(53, refused.count());
        assertEquals(before, submitted.items().stream().map(Shape::of).toList());
    }

    @Test
    void submittingMoreThanFiftyItemsIsRefused() {
        List<ItemDraft> drafts = distinctDrafts(new Random(23), Case.MAX_ITEMS + 1);

        assertEquals(51, assertThrows(TooManyItems.class, () -> submit(drafts, NOTHING_KNOWN)).count());
    }

    @Test
    void caseIsWithdrawnOnceAndKeepsTheFirstTime() throws InterruptedException {
        Case submitted = submit(distinctDrafts(new Random(29), 1), NOTHING_KNOWN);
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

        assertTrue(submitted.withdraw());
        OffsetDateTime withdrawnAt = submitted.withdrawnAt();
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC);
        Thread.sleep(2);

        assertFalse(submitted.withdraw());
        assertEquals(CaseStatus.WITHDRAWN, submitted.status());
        assertFalse(submitted.open());
        assertSame(withdrawnAt, submitted.withdrawnAt());
        assertFalse(withdrawnAt.isBefore(before));
        assertFalse(withdrawnAt.isAfter(after));
    }

    @Test
    void withdrawnCaseTakesNoItemsAndChangesNothing() {
        Random random = new Random(31);
        Case submitted = submit(distinctDrafts(random, 2), NOTHING_KNOWN);
        Signal sharedWithFirst = submitted.items().get(0).signals().get(0);
        List<Shape> before = submitted.items().stream().map(Shape::of).toList();
        List<String> references = submitted.items().stream().map(item -> item.itemReference().value()).toList();
        submitted.withdraw();

        assertThrows(CaseAlreadyWithdrawn.class,
                () -> submitted.addItems(List.of(draft(ContentType.PHOTO, sha(random))), ALL_KNOWN));
        CaseAlreadyWithdrawn joining = assertThrows(CaseAlreadyWithdrawn.class, () -> submitted.addItems(
                List.of(draft(ContentType.PHOTO, sharedWithFirst, md5(random))), ALL_KNOWN));

        assertEquals("This case was withdrawn, so it takes no more items. Start a new case for them.",
                joining.getMessage());
        assertEquals(before, submitted.items().stream().map(Shape::of).toList());
        assertEquals(references, submitted.items().stream().map(item -> item.itemReference().value()).toList());
        assertEquals(CaseStatus.WITHDRAWN, submitted.status());
    }

    @Test
    void everySetOfConcernsComesBackAsSent() {
        Concern[] all = Concern.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            Set<Concern> concerns = EnumSet.noneOf(Concern.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    concerns.add(all[i]);
                }
            }
            Case submitted = Case.submit("case-" + mask, AccountId.generate(), Language.EN, concerns,
                    new Consent(false, null, null), details(), distinctDrafts(new Random(mask), 1), NOTHING_KNOWN);

            assertEquals(concerns, submitted.concerns());
        }
    }

    private static Case submit(List<ItemDraft> drafts, Predicate<ItemDraft> known) {
        return Case.submit("case-id", AccountId.generate(), Language.EN, Set.of(), new Consent(false, null, null), details(), drafts,
                known);
    }

    private static Case.SealedDetails details() {
        return new Case.SealedDetails(null, new byte[]{0}, new byte[]{0});
    }

    private static List<ItemDraft> distinctDrafts(Random random, int count) {
        return IntStream.range(0, count).mapToObj(i -> draft(ContentType.PHOTO, sha(random))).toList();
    }

    private static ItemDraft draft(ContentType type, Signal... signals) {
        return new ItemDraft(type, Set.of(signals), List.of(0));
    }

    private static List<Signal> sorted(Set<Signal> signals) {
        return signals.stream().sorted(STABLE).toList();
    }

    private static Signal sha(Random random) {
        return Signal.exact(SignalType.SHA256, hex(random, 64));
    }

    private static Signal md5(Random random) {
        return Signal.exact(SignalType.MD5, hex(random, 32));
    }

    private static Signal pdq(Random random) {
        return Signal.pdq(hex(random, 64), random.nextInt(101));
    }

    private static String hex(Random random, int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
