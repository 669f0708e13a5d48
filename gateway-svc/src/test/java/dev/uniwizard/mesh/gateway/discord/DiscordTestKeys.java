package dev.uniwizard.mesh.gateway.discord;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A Discord application's key pair made for a test: signs interactions the way Discord does. */
public final class DiscordTestKeys {

    private final Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());

    /** The public key as the developer portal shows it: 64 hex digits. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(privateKey.generatePublicKey().getEncoded());
    }

    /** {@code X-Signature-Ed25519} for {@code body} sent at {@code timestamp}. */
    public String sign(String timestamp, String body) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        byte[] message = (timestamp + body).getBytes(StandardCharsets.UTF_8);
        signer.update(message, 0, message.length);
        return HexFormat.of().formatHex(signer.generateSignature());
    }
}
