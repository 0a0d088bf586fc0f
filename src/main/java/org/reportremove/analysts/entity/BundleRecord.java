package org.reportremove.analysts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A bundle that crossed the air gap, either way. Recording an imported bundle's id refuses the same bundle a
 * second time (the primary key holds even when two operators import it at once).
 */
@Entity
@Table(name = "analyst_bundle")
public class BundleRecord {

    public static final String EXPORTED = "EXPORTED";
    public static final String IMPORTED = "IMPORTED";

    @Id
    @Column(name = "bundle_id")
    private String bundleId;

    @Column(name = "direction", nullable = false)
    private String direction;

    @Column(name = "line_count", nullable = false)
    private int lineCount;

    @Column(name = "body_sha256", nullable = false)
    private String bodySha256;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    protected BundleRecord() {
    }

    public static BundleRecord of(String bundleId, String direction, int lineCount, String bodySha256) {
        BundleRecord record = new BundleRecord();
        record.bundleId = bundleId;
        record.direction = direction;
        record.lineCount = lineCount;
        record.bodySha256 = bodySha256;
        record.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return record;
    }
}
