// From a verified ID token to Toteuma: the grants its claims give by the configuration's tables,
// and a user id for a first sign-in.
#pragma once
#include <string>
#include <vector>

#include "core/workplace/access.h"
#include "sso/id_token.h"
#include "sso/sso_config.h"

namespace toteuma::sso {

// Every grant of the configured app roles the token's roles claim carries, then those of the
// configured groups its groups claim carries (the fallback for providers or tenants that send
// groups); each grant once, in that order. Values not in the tables give nothing.
std::vector<Grant> grants_from_claims(const IdToken& t, const SsoConfig& c);

// A user id ([a-z0-9._-], 2..64) for a first sign-in: the part of preferred_username (or email)
// before '@', lower-cased, other characters as '-'; "sso-" and the subject's start when that
// leaves too little. The store adds "-2", "-3", … when the id is taken.
std::string user_id_for(const IdToken& t);

// The e-mail address: email, else preferred_username when it is one (Entra's UPN), else "".
std::string email_for(const IdToken& t);

// The display name: name, else preferred_username, else email, else the subject.
std::string display_name_for(const IdToken& t);

}  // namespace toteuma::sso
