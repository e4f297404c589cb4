// The SDK's KeyProvider backed by the Keychain, shared by the app and its
// extensions through a Keychain access group.
//
// On a device the wrapping key is a Secure Enclave P-256 key: it never
// leaves the Secure Enclave, and the store's data key is wrapped with ECIES
// (SecKeyCreateEncryptedData, .eciesEncryptionCofactorVariableIVX963SHA256AESGCM).
// The Simulator has no Secure Enclave, so there a random 256-bit key is
// kept as a Keychain item and wraps with AES-GCM (CryptoKit). The first
// byte of the blob says which ("S" / "K").
//
// Accessible after first unlock (…AfterFirstUnlockThisDeviceOnly): the
// Message Filter and Call Directory extensions run while the phone is
// locked, and the key must not move to another device in a backup.
import CryptoKit
import Fanzha
import Foundation
import Security

final class KeychainKeyProvider: KeyProvider, @unchecked Sendable {
    private let tag = Data("org.fanzha.sample.store-wrap".utf8)
    private let service = "org.fanzha.sample.store-wrap"
    private let accessGroup: String?
    private let algorithm = SecKeyAlgorithm.eciesEncryptionCofactorVariableIVX963SHA256AESGCM

    /// `accessGroup`: the full Keychain group, e.g. "ABCDE12345.org.fanzha.sample.shared"
    /// (Info.plist key FanzhaKeychainGroup, filled from $(AppIdentifierPrefix)).
    init(accessGroup: String? = Bundle.main.object(forInfoDictionaryKey: "FanzhaKeychainGroup") as? String) {
        self.accessGroup = accessGroup
    }

    func wrapKey(dataKey: Data) throws -> Data {
        if let se = try secureEnclaveKey(create: true), let pub = SecKeyCopyPublicKey(se) {
            var error: Unmanaged<CFError>?
            guard let sealed = SecKeyCreateEncryptedData(pub, algorithm, dataKey as CFData, &error) as Data? else {
                throw FanzhaError.KeyProvider(why: "secure enclave wrap failed")
            }
            return Data("S".utf8) + sealed
        }
        let key = try softwareKey(create: true)!
        let box = try AES.GCM.seal(dataKey, using: key, authenticating: Data("fanzha.sample.store-data-key.v1".utf8))
        guard let combined = box.combined else { throw FanzhaError.KeyProvider(why: "aes-gcm wrap failed") }
        return Data("K".utf8) + combined
    }

    func unwrapKey(wrapped: Data) throws -> Data {
        guard let kind = wrapped.first else { throw FanzhaError.WrongKey }
        let body = wrapped.dropFirst()
        switch kind {
        case UInt8(ascii: "S"):
            guard let se = try secureEnclaveKey(create: false) else { throw FanzhaError.WrongKey }
            var error: Unmanaged<CFError>?
            guard let key = SecKeyCreateDecryptedData(se, algorithm, Data(body) as CFData, &error) as Data? else {
                throw FanzhaError.WrongKey
            }
            return key
        case UInt8(ascii: "K"):
            guard let key = try softwareKey(create: false) else { throw FanzhaError.WrongKey }
            do {
                let box = try AES.GCM.SealedBox(combined: Data(body))
                return try AES.GCM.open(box, using: key, authenticating: Data("fanzha.sample.store-data-key.v1".utf8))
            } catch {
                throw FanzhaError.WrongKey
            }
        default:
            throw FanzhaError.WrongKey
        }
    }

    // MARK: Secure Enclave

    private func secureEnclaveKey(create: Bool) throws -> SecKey? {
        #if targetEnvironment(simulator)
        return nil
        #else
        var query: [String: Any] = [
            kSecClass as String: kSecClassKey,
            kSecAttrApplicationTag as String: tag,
            kSecAttrKeyType as String: kSecAttrKeyTypeECSECPrimeRandom,
            kSecReturnRef as String: true,
        ]
        if let g = accessGroup { query[kSecAttrAccessGroup as String] = g }
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        if status == errSecSuccess, let item { return (item as! SecKey) }
        if status != errSecItemNotFound { throw FanzhaError.KeyProvider(why: "keychain lookup failed: \(status)") }
        guard create else { return nil }
        guard let access = SecAccessControlCreateWithFlags(nil, kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, .privateKeyUsage, nil) else {
            throw FanzhaError.KeyProvider(why: "access control")
        }
        var priv: [String: Any] = [
            kSecAttrIsPermanent as String: true,
            kSecAttrApplicationTag as String: tag,
            kSecAttrAccessControl as String: access,
        ]
        if let g = accessGroup { priv[kSecAttrAccessGroup as String] = g }
        let attrs: [String: Any] = [
            kSecAttrKeyType as String: kSecAttrKeyTypeECSECPrimeRandom,
            kSecAttrKeySizeInBits as String: 256,
            kSecAttrTokenID as String: kSecAttrTokenIDSecureEnclave,
            kSecPrivateKeyAttrs as String: priv,
        ]
        var error: Unmanaged<CFError>?
        guard let key = SecKeyCreateRandomKey(attrs as CFDictionary, &error) else {
            // No Secure Enclave available: fall back to the Keychain key.
            return nil
        }
        return key
        #endif
    }

    // MARK: Keychain-held AES key (Simulator, or no Secure Enclave)

    private func softwareKey(create: Bool) throws -> SymmetricKey? {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecReturnData as String: true,
        ]
        if let g = accessGroup { query[kSecAttrAccessGroup as String] = g }
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        if status == errSecSuccess, let data = item as? Data { return SymmetricKey(data: data) }
        if status != errSecItemNotFound { throw FanzhaError.KeyProvider(why: "keychain lookup failed: \(status)") }
        guard create else { return nil }
        let key = SymmetricKey(size: .bits256)
        var add: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly,
            kSecValueData as String: key.withUnsafeBytes { Data($0) },
        ]
        if let g = accessGroup { add[kSecAttrAccessGroup as String] = g }
        let s = SecItemAdd(add as CFDictionary, nil)
        guard s == errSecSuccess else { throw FanzhaError.KeyProvider(why: "keychain add failed: \(s)") }
        return key
    }
}
