package org.reportremove.signals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reportremove.signals.entity.Signal;

import java.util.Collection;

/**
 * The lookup the service uses: this node's in-memory copy of the bank ({@link KnownSignalIndex}), kept fresh from
 * the change log by {@link KnownSignalIndexLoader}. Until the copy is loaded, the node is not ready and takes no
 * traffic from a load balancer; a request that reaches it anyway is answered from the database by
 * {@link ScanningKnownSignals}, slowly but rightly.
 */
@ApplicationScoped
public class IndexedKnownSignals implements KnownSignals {

    @Inject
    KnownSignalIndexState state;

    @Inject
    ScanningKnownSignals scan;

    @Override
    public KnownMatches known(Collection<Signal> signals) {
        KnownSignalIndex index = state.index();
        return index == null ? scan.known(signals) : index.known(signals);
    }
}
