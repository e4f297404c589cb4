// The Fanzha Android library (AAR): the generated Kotlin bindings plus
// libfanzha_ffi.so for arm64-v8a, armeabi-v7a and x86_64. Not built on the
// project's machines (no Android SDK there); see bindings/README.md.
plugins {
    id("com.android.library") version "8.7.3"
    id("org.jetbrains.kotlin.android") version "2.1.0"
}

android {
    namespace = "org.fanzha"
    compileSdk = 35

    defaultConfig {
        // Keep equal to ANDROID_API in bindings/scripts/build-android.sh.
        minSdk = 24
        consumerProguardFiles("consumer-rules.pro")
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    sourceSets["main"].kotlin.srcDir("src/main/kotlin")
    sourceSets["main"].jniLibs.srcDir("src/main/jniLibs")

    packaging {
        // The .so files are already stripped by the release-small profile.
        jniLibs.keepDebugSymbols += "**/libfanzha_ffi.so"
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    // UniFFI's Kotlin calls the native library through JNA; the @aar variant
    // carries JNA's own native dispatch libraries for Android ABIs.
    implementation("net.java.dev.jna:jna:5.14.0@aar")
    // Generated code uses coroutines for async calls and, with the Android
    // config, androidx.annotation.RequiresApi.
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.9.0")
    implementation("androidx.annotation:annotation:1.9.1")
}
