package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reportremove.industry.entity.Checkpoint;
import org.reportremove.industry.entity.CheckpointRefused;
import org.reportremove.platform.crypto.DataSealer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Checkpoints as platforms hold them: the position with a keyed digest of it, in base64url. A platform cannot move
 * its checkpoint (to skip or replay changes on purpose or by a bug) without the change being seen; a checkpoint
 * from before a rotation of the encryption keyset is refused, and the platform reads a snapshot again.
 */
@ApplicationScoped
public class Checkpoints {

    private static final String PURPOSE = "industry-checkpoint";
    private static final Pattern FORM = Pattern.compile("(0|[1-9][0-9]{0,17})\\.([0-9a-f]{32})");
    private static final int MAX_LENGTH = 96;

    @Inject
    DataSealer sealer;

    public String seal(Checkpoint checkpoint) {
        String position = Long.toString(checkpoint.position());
        String text = position + "." + mac(position);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    public Checkpoint open(String sealed) {
        if (sealed == null || sealed.isEmpty() || sealed.length() > MAX_LENGTH) {
            throw new CheckpointRefused();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(sealed), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new CheckpointRefused();
        }
        var match = FORM.matcher(text);
        if (!match.matches() || !MessageDigest.isEqual(mac(match.group(1)).getBytes(StandardCharsets.US_ASCII),
                match.group(2).getBytes(StandardCharsets.US_ASCII))) {
            throw new CheckpointRefused();
        }
        return new Checkpoint(Long.parseLong(match.group(1)));
    }

    private String mac(String position) {
        return sealer.keyedDigest(PURPOSE, position).substring(0, 32);
    }
}
