package org.reportremove.analysts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.reportremove.cases.entity.AnalystReference;

/**
 * An analyst reference whose case was erased with its account. The analyst side keeps what it was sent (unless the
 * young person chose to withdraw), so results about it may still come: they are recorded as ignored rather than
 * rejected as unknown. Only the reference is kept, so nothing ties it to a case or an account any more.
 */
@Entity
@Table(name = "analyst_erased_case")
public class ErasedAnalystCase {

    @Id
    @Column(name = "analyst_reference")
    private String analystReference;

    protected ErasedAnalystCase() {
    }

    public static ErasedAnalystCase of(AnalystReference reference) {
        ErasedAnalystCase erased = new ErasedAnalystCase();
        erased.analystReference = reference.value();
        return erased;
    }
}
