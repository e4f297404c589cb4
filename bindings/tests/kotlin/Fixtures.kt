// Shared fixtures for the binding tests.
package org.fanzha.tests

import org.fanzha.Channel
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.NumberContext

/** One guard on the embedded default data, shared like an app would. */
object Fixtures {
    val guard: Guard by lazy { Guard(GuardSettings()) }
    val guardEn: Guard by lazy { Guard(GuardSettings(locale = "en-US")) }
    val call = NumberContext(Channel.CALL)
    val sms = NumberContext(Channel.SMS)
}
