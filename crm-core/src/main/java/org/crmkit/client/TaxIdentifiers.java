package org.crmkit.client;

import java.util.Optional;

import org.crmkit.common.ClientKind;
import org.crmkit.common.ValidationException;
import org.crmkit.taxid.Inn;
import org.crmkit.taxid.Kpp;
import org.crmkit.taxid.Ogrn;
import org.crmkit.taxid.Okpo;

/**
 * A client's Russian tax and statistics codes. Each is valid on its own (checksums); whether they
 * fit the client's kind is checked by {@link #checkFor(ClientKind)}.
 */
public record TaxIdentifiers(Optional<Inn> inn, Optional<Kpp> kpp, Optional<Ogrn> ogrn, Optional<Okpo> okpo) {
    public static final TaxIdentifiers NONE = new TaxIdentifiers(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public TaxIdentifiers {
        ValidationException.required(inn, "inn");
        ValidationException.required(kpp, "kpp");
        ValidationException.required(ogrn, "ogrn");
        ValidationException.required(okpo, "okpo");
    }

    /** Parses any of the four (null or blank means absent); errors name the field and the value. */
    public static TaxIdentifiers parse(String inn, String kpp, String ogrn, String okpo) {
        return new TaxIdentifiers(present(inn).map(Inn::parse), present(kpp).map(Kpp::parse),
                present(ogrn).map(Ogrn::parse), present(okpo).map(Okpo::parse));
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }

    /** Rejects codes the kind cannot have: a 12-digit INN for a legal entity, a KPP for a person, …. */
    public void checkFor(ClientKind kind) {
        switch (kind) {
            case LEGAL_ENTITY:
                inn.filter(i -> !i.isLegalEntity()).ifPresent(i -> {
                    throw new ValidationException("inn", i.value(), "has 12 digits, but a legal entity has a 10-digit INN");
                });
                ogrn.filter(Ogrn::isSoleProprietor).ifPresent(o -> {
                    throw new ValidationException("ogrn", o.value(), "is an OGRNIP (15 digits), but a legal entity has a 13-digit OGRN");
                });
                okpo.filter(Okpo::isSoleProprietor).ifPresent(o -> {
                    throw new ValidationException("okpo", o.value(), "has 10 digits, but a legal entity has an 8-digit OKPO");
                });
                break;
            case SOLE_PROPRIETOR:
            case INDIVIDUAL:
                inn.filter(Inn::isLegalEntity).ifPresent(i -> {
                    throw new ValidationException("inn", i.value(), "has 10 digits, but a person has a 12-digit INN");
                });
                kpp.ifPresent(k -> {
                    throw new ValidationException("kpp", k.value(), "is for legal entities only");
                });
                okpo.filter(o -> kind == ClientKind.INDIVIDUAL || !o.isSoleProprietor()).ifPresent(o -> {
                    throw new ValidationException("okpo", o.value(), kind == ClientKind.INDIVIDUAL
                            ? "is for companies and sole proprietors only" : "has 8 digits, but a sole proprietor has a 10-digit OKPO");
                });
                ogrn.filter(o -> kind == ClientKind.INDIVIDUAL || !o.isSoleProprietor()).ifPresent(o -> {
                    throw new ValidationException("ogrn", o.value(), kind == ClientKind.INDIVIDUAL
                            ? "is for companies and sole proprietors only" : "has 13 digits, but a sole proprietor has a 15-digit OGRNIP");
                });
                break;
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }
}
