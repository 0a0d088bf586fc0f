package org.reportremove.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import java.util.Objects;

/**
 * A {@link Signal} as an item stores it.
 */
@Embeddable
public class StoredSignal {

    @Enumerated(EnumType.STRING)
    @Column(name = "signal_type", nullable = false)
    private SignalType type;

    @Column(name = "signal_value", nullable = false)
    private String value;

    @Column(name = "quality")
    private Integer quality;

    protected StoredSignal() {
    }

    StoredSignal(Signal signal) {
        this.type = signal.type();
        this.value = signal.value();
        this.quality = signal.quality();
    }

    public Signal signal() {
        return new Signal(type, value, quality);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSignal that && type == that.type && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }
}
