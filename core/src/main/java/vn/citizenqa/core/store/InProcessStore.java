package vn.citizenqa.core.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.privacy.PersonalDataMasker;
import vn.citizenqa.core.violations.RecordedViolation;
import vn.citizenqa.core.violations.ViolationRecords;

/**
 * The store in the process's memory: the local runner's embedded default and the reference for the contract.
 * Each conditional write is one atomic {@link ConcurrentHashMap#compute}, the counterpart of a DynamoDB
 * conditional single-item write; expired items read as absent, as DynamoDB's TTL makes them eventually.
 */
public final class InProcessStore implements Store {

    private final Clock clock;
    private final StoreSettings settings;
    private final PersonalDataMasker masker = new PersonalDataMasker();

    private final InProcessClaims claims;
    private final Talk conversations = new Talk();
    private final Queue escalations = new Queue();
    private final Pages pages = new Pages();
    private final InProcessCounters counters;
    private final InProcessSuggestions suggestions;
    private final Rates rates = new Rates();
    private final InProcessReplyRequests replyRequests = new InProcessReplyRequests(this::now);
    private final Registry units = new Registry();
    private final CameraRecords violations = new CameraRecords();

    public InProcessStore(Clock clock, StoreSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.claims = new InProcessClaims(new ClaimRules(settings), this::now);
        this.counters = new InProcessCounters(settings.countingZone());
        this.suggestions = new InProcessSuggestions(new SuggestionRules(masker), this::now);
    }

    public InProcessStore() {
        this(Clock.systemUTC(), StoreSettings.defaults());
    }

    @Override
    public MessageClaims messages() {
        return claims;
    }

    @Override
    public Conversations conversations() {
        return conversations;
    }

    @Override
    public Escalations escalations() {
        return escalations;
    }

    @Override
    public PageRegistry pages() {
        return pages;
    }

    @Override
    public DailyCounters counters() {
        return counters;
    }

    @Override
    public Suggestions suggestions() {
        return suggestions;
    }

    @Override
    public MessageRates rates() {
        return rates;
    }

    @Override
    public ReplyRequests replyRequests() {
        return replyRequests;
    }

    @Override
    public UnitRegistry units() {
        return units;
    }

    @Override
    public ViolationRecords violations() {
        return violations;
    }

    private static final class Registry implements UnitRegistry {
        private final ConcurrentHashMap<String, Unit> byId = new ConcurrentHashMap<>();

        @Override
        public Optional<Unit> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<Unit> all() {
            return byId.values().stream().sorted(Comparator.comparing(Unit::id)).toList();
        }

        @Override
        public void save(Unit unit) {
            byId.put(unit.id(), unit);
        }
    }

    private final class CameraRecords implements ViolationRecords {
        private final ConcurrentHashMap<String, ConcurrentHashMap<String, RecordedViolation>> byPlate =
                new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Instant> imports = new ConcurrentHashMap<>();

        @Override
        public List<RecordedViolation> ofPlate(vn.citizenqa.core.model.PlateNumber plate) {
            Instant now = now();
            return byPlate.getOrDefault(plate.normalised(), new ConcurrentHashMap<>()).values().stream()
                    .filter(v -> v.liveAt(now))
                    .sorted(Comparator.comparing((RecordedViolation v) -> v.violation().time().toInstant())
                            .thenComparing(v -> v.violation().id()))
                    .toList();
        }

        @Override
        public void save(RecordedViolation v) {
            byPlate.computeIfAbsent(v.violation().plate().normalised(), k -> new ConcurrentHashMap<>())
                    .put(v.violation().id(), v);
        }

        @Override
        public void recordImport(String unit, Instant at) {
            imports.merge(Keys.requireId(unit, "unit"), at, (a, b) -> a.isAfter(b) ? a : b);
        }

        @Override
        public Optional<Instant> updatedAt() {
            return imports.values().stream().max(Comparator.naturalOrder());
        }
    }

    /** One counter per citizen, for the latest minute it counted in (older minutes are never read again). */
    private final class Rates implements MessageRates {
        private record MinuteCount(Instant minute, long count) {
        }

        private final ConcurrentHashMap<ConversationKey, MinuteCount> byCitizen = new ConcurrentHashMap<>();

        @Override
        public long count(ConversationKey citizen, Instant at, long cap) {
            if (cap < 1) {
                throw new IllegalArgumentException("cap must be at least 1: " + cap);
            }
            Instant minute = MessageRates.minuteOf(at);
            AtomicReference<Long> result = new AtomicReference<>();
            byCitizen.compute(citizen, (k, cur) -> {
                long before = cur == null || !cur.minute().equals(minute) ? 0 : cur.count();
                if (before >= cap) {
                    result.set(cap + 1);
                    return cur;
                }
                result.set(before + 1);
                return new MinuteCount(minute, before + 1);
            });
            return result.get();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private record ExpiringState(ConversationState state, Instant expiresAt) {
    }

    private final class Talk implements Conversations {
        private final ConcurrentHashMap<ConversationKey, ExpiringState> states = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<ConversationKey, NavigableMap<String, ConversationMessage>> messages =
                new ConcurrentHashMap<>();

        @Override
        public Optional<ConversationState> state(ConversationKey key) {
            Instant now = now();
            return Optional.ofNullable(states.get(key)).filter(s -> s.expiresAt().isAfter(now))
                    .map(ExpiringState::state);
        }

        @Override
        public void saveState(ConversationState state) {
            states.put(state.key(), new ExpiringState(state, settings.conversationExpiry(now())));
        }

        @Override
        public ConversationMessage append(ConversationMessage message) {
            ConversationMessage stored = message.expiringAt(settings.conversationExpiry(message.at()));
            messages.computeIfAbsent(message.conversation(), k -> new ConcurrentSkipListMap<>())
                    .put(sortKey(message.at(), message.id()), stored);
            return stored;
        }

        @Override
        public List<ConversationMessage> recent(ConversationKey key, int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1: " + limit);
            }
            Instant now = now();
            List<ConversationMessage> newestFirst = messages.getOrDefault(key, new ConcurrentSkipListMap<>())
                    .descendingMap().values().stream()
                    .filter(m -> m.expiresAt().isAfter(now))
                    .limit(limit)
                    .toList();
            return newestFirst.reversed();
        }

        @Override
        public Optional<ConversationMessage> find(ConversationKey key, Instant at, String id) {
            Instant now = now();
            return Optional.ofNullable(messages.getOrDefault(key, new ConcurrentSkipListMap<>()).get(sortKey(at, id)))
                    .filter(m -> m.expiresAt().isAfter(now));
        }

        private static String sortKey(Instant at, String id) {
            return EscalationQueueOrder.sortableTime(at) + "#" + id;
        }
    }

    private final class Queue extends RuleBasedEscalations {
        private final ConcurrentHashMap<String, Escalation> byId = new ConcurrentHashMap<>();

        Queue() {
            super(new EscalationRules(masker));
        }

        @Override
        public Created create(NewEscalation e) {
            Instant now = now();
            AtomicReference<Created> result = new AtomicReference<>();
            byId.compute(e.id(), (id, cur) -> {
                Escalation stored = cur != null ? cur : rules.open(e, now);
                result.set(new Created(stored, cur == null));
                return stored;
            });
            return result.get();
        }

        @Override
        public Optional<Escalation> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public EscalationQueuePage queue(String unit, EscalationStatus status, String cursor, int limit) {
            String after = EscalationQueueOrder.checkQuery(status, cursor, limit);
            List<Escalation> page = byId.values().stream()
                    .filter(e -> e.unit().equals(unit) && e.status() == status)
                    .filter(e -> after == null || EscalationQueueOrder.sortKey(e).compareTo(after) > 0)
                    .sorted(Comparator.comparing(EscalationQueueOrder::sortKey))
                    .limit(limit + 1L)
                    .toList();
            return EscalationQueueOrder.page(page, limit);
        }

        @Override
        protected EscalationChange change(String id, OfficerAction action) {
            Instant now = now();
            AtomicReference<EscalationChange> result = new AtomicReference<>(new EscalationChange.NotFound(id));
            byId.computeIfPresent(id, (k, cur) -> {
                EscalationChange outcome = action.decide(cur, now);
                result.set(outcome);
                return outcome instanceof EscalationChange.Applied(Escalation next, EscalationStatus ignored)
                        ? next : cur;
            });
            return result.get();
        }
    }

    private record PageKey(Channel channel, String pageId) {
    }

    private final class Pages implements PageRegistry {
        private final ConcurrentHashMap<PageKey, PageRegistration> byKey = new ConcurrentHashMap<>();

        @Override
        public Optional<PageRegistration> find(Channel channel, String pageId) {
            return Optional.ofNullable(byKey.get(new PageKey(channel, pageId)));
        }

        @Override
        public List<String> units() {
            return byKey.values().stream().map(PageRegistration::unit).distinct().sorted().toList();
        }

        @Override
        public List<PageRegistration> ofUnit(String unit) {
            return byKey.values().stream().filter(p -> p.unit().equals(unit))
                    .sorted(Comparator.comparing((PageRegistration p) -> p.channel().wireName())
                            .thenComparing(PageRegistration::pageId))
                    .toList();
        }

        @Override
        public void register(PageRegistration page) {
            byKey.put(new PageKey(page.channel(), page.pageId()), page);
        }

        @Override
        public TokenUpdate replaceTokens(Channel channel, String pageId, String usedRefreshToken, String accessToken,
                                         String refreshToken, Instant accessTokenExpiresAt) {
            Objects.requireNonNull(accessToken, "accessToken");
            AtomicReference<TokenUpdate> result = new AtomicReference<>(new TokenUpdate.UnknownPage());
            byKey.computeIfPresent(new PageKey(channel, pageId), (k, cur) -> {
                if (!Objects.equals(cur.refreshToken(), usedRefreshToken)) {
                    result.set(new TokenUpdate.Stale(cur));
                    return cur;
                }
                PageRegistration next = cur.withTokens(accessToken, refreshToken, accessTokenExpiresAt);
                result.set(new TokenUpdate.Replaced(next));
                return next;
            });
            return result.get();
        }
    }
}
