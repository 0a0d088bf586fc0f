package org.reportremove.signals.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a {@link SignalType} by its name.
 */
@Converter(autoApply = true)
public class SignalTypeConverter implements AttributeConverter<SignalType, String> {

    @Override
    public String convertToDatabaseColumn(SignalType type) {
        return type == null ? null : type.name();
    }

    @Override
    public SignalType convertToEntityAttribute(String name) {
        return name == null ? null : SignalType.named(name)
                .orElseThrow(() -> new IllegalStateException("a stored signal type is not known"));
    }
}
