package org.fanzha.sample

import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyPermanentlyInvalidatedException
import android.security.keystore.KeyProperties
import android.security.keystore.StrongBoxUnavailableException
import android.util.Log
import org.fanzha.FanzhaException
import org.fanzha.KeyProvider
import org.fanzha.sample.logic.KeyBlob
import java.security.GeneralSecurityException
import java.security.KeyStore
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * The SDK's KeyProvider backed by the Android Keystore.
 *
 * The store's random 32-byte data key is wrapped with AES-256-GCM under a
 * Keystore key that never leaves secure hardware (StrongBox when the
 * device has it, the TEE otherwise): the app can ask the Keystore to
 * encrypt and decrypt with it, never read it. The wrapped blob
 * ([KeyBlob]: IV + ciphertext + tag) is all the store keeps.
 *
 * No user authentication is required on the key: calls and SMS are
 * screened while the phone is locked. `allowBackup="false"` in the
 * manifest keeps the store from being restored onto a device whose
 * Keystore can't unwrap it.
 *
 * Errors, as the SDK expects them: a blob this key did not make →
 * `FanzhaException.WrongKey`; a Keystore that can't be used right now →
 * `FanzhaException.KeyProvider(why)`, `why` naming the failure class only.
 */
class KeystoreKeyProvider(private val alias: String = ALIAS) : KeyProvider {
    override fun wrapKey(dataKey: ByteArray): ByteArray = keystore("wrap") {
        val cipher = Cipher.getInstance(TRANSFORMATION)
        // The Keystore picks a random IV (randomized encryption is required).
        cipher.init(Cipher.ENCRYPT_MODE, key(create = true))
        cipher.updateAAD(AAD)
        val sealed = cipher.doFinal(dataKey)
        KeyBlob(cipher.iv, sealed).encode()
    }

    override fun unwrapKey(wrapped: ByteArray): ByteArray {
        val blob = KeyBlob.decode(wrapped) ?: throw FanzhaException.WrongKey()
        return keystore("unwrap") {
            val key = key(create = false) ?: throw FanzhaException.WrongKey()
            val cipher = Cipher.getInstance(TRANSFORMATION)
            cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(KeyBlob.TAG_BYTES * 8, blob.iv))
            cipher.updateAAD(AAD)
            try {
                cipher.doFinal(blob.sealed)
            } catch (e: AEADBadTagException) {
                throw FanzhaException.WrongKey()
            }
        }
    }

    private inline fun <T> keystore(op: String, body: () -> T): T = try {
        body()
    } catch (e: FanzhaException) {
        throw e
    } catch (e: KeyPermanentlyInvalidatedException) {
        // The key is gone for good (e.g. security settings changed): the
        // store can't be opened again; the app offers to start a new one.
        Log.w(TAG, "keystore $op: key permanently invalidated")
        throw FanzhaException.WrongKey()
    } catch (e: GeneralSecurityException) {
        Log.w(TAG, "keystore $op failed: ${e::class.java.simpleName}")
        throw FanzhaException.KeyProvider("android keystore $op failed: ${e::class.java.simpleName}")
    } catch (e: RuntimeException) {
        Log.w(TAG, "keystore $op failed: ${e::class.java.simpleName}")
        throw FanzhaException.KeyProvider("android keystore $op failed: ${e::class.java.simpleName}")
    }

    /** The wrapping key; created on first use (only when wrapping). */
    private fun key(create: Boolean): SecretKey? {
        val ks = KeyStore.getInstance(ANDROID_KEYSTORE).apply { load(null) }
        (ks.getKey(alias, null) as? SecretKey)?.let { return it }
        if (!create) return null
        return try {
            generate(strongBox = true)
        } catch (e: StrongBoxUnavailableException) {
            generate(strongBox = false)
        }
    }

    private fun generate(strongBox: Boolean): SecretKey {
        val spec = KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setKeySize(256)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setRandomizedEncryptionRequired(true)
            .setIsStrongBoxBacked(strongBox)
            .build()
        val gen = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, ANDROID_KEYSTORE)
        gen.init(spec)
        return gen.generateKey()
    }

    /** Deletes the wrapping key (Status → "Reset protection store"). */
    fun delete() {
        val ks = KeyStore.getInstance(ANDROID_KEYSTORE).apply { load(null) }
        if (ks.containsAlias(alias)) ks.deleteEntry(alias)
    }

    companion object {
        const val ALIAS = "org.fanzha.sample.store-wrap"
        private const val ANDROID_KEYSTORE = "AndroidKeyStore"
        private const val TRANSFORMATION = "AES/GCM/NoPadding"
        private const val TAG = "FanzhaSample"
        /** Binds the blob to its purpose: it can't be passed off as another AES-GCM blob. */
        private val AAD = "fanzha.sample.store-data-key.v1".toByteArray()
    }
}
